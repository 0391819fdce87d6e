package dev.studyboard.auth.account;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Accounts a deployment creates at start ({@code studyboard.auth.accounts[i]}): the demo writers and organizer in
 * docker compose, none in the default profile. Passwords come from the environment, never from a committed file.
 */
@ConfigurationProperties("studyboard.auth")
public record AccountProperties(@DefaultValue List<Seed> accounts) {

    /** @param email optional, see {@link Account#email()} */
    public record Seed(String username, String password, String displayName, String email, List<String> roles) {}
}
