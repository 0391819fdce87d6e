package dev.studyboard.demo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the loader is told ({@code studyboard.demo.*}).
 *
 * @param baseUrl    the public API (the gateway), where the imports are sent
 * @param readerName who did the ticked tasks of a checklist, which names no writers
 * @param timeout    how long to wait for the system to take an import (it may be starting), and then for the
 *                   import to end
 * @param accounts   a writer's display name → the account (token subject) of that person on the auth-server, so
 *                   a writer who signs in is the member the notes name
 */
@ConfigurationProperties("studyboard.demo")
public record DemoLoaderProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        @DefaultValue("독자") String readerName,
        @DefaultValue("3m") Duration timeout,
        Map<String, String> accounts) {

    public DemoLoaderProperties {
        accounts = accounts != null ? Map.copyOf(accounts) : Map.of();
    }
}
