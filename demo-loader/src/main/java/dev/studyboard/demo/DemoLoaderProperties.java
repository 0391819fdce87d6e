package dev.studyboard.demo;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the loader is told ({@code studyboard.demo.*}).
 *
 * @param baseUrl            the public API (the gateway); each service's URL below may override it
 * @param readerName         the member credited with a checklist's done sections, which name no writer
 * @param replicationTimeout how long to wait for progress-service's replicas to catch up
 * @param accounts           a writer's display name → the account (token subject) of that person on the
 *                           auth-server, so a writer who signs in is the member the notes name
 */
@ConfigurationProperties("studyboard.demo")
public record DemoLoaderProperties(
        @DefaultValue("http://localhost:8080") URI baseUrl,
        URI catalogUrl,
        URI memberUrl,
        URI progressUrl,
        @DefaultValue("독자") String readerName,
        @DefaultValue("60s") Duration replicationTimeout,
        Map<String, String> accounts) {

    public DemoLoaderProperties {
        catalogUrl = catalogUrl != null ? catalogUrl : baseUrl;
        memberUrl = memberUrl != null ? memberUrl : baseUrl;
        progressUrl = progressUrl != null ? progressUrl : baseUrl;
        accounts = accounts != null ? Map.copyOf(accounts) : Map.of();
    }
}
