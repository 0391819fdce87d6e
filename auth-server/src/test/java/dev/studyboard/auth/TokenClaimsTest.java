package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.auth.account.Account;
import dev.studyboard.auth.account.AccountStore;
import dev.studyboard.auth.account.Role;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@AuthServerTest
@DisplayName("A person's roles and name are read from their account at every token")
class TokenClaimsTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountStore accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    @Autowired
    JdbcClient jdbc;

    String username;
    Browser browser;
    Browser cli;

    @BeforeEach
    void anOrganizer() {
        username = "temp-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.createIfAbsent(new Account(
                username,
                passwordEncoder.encode("temp-password"),
                "임시 운영자",
                null,
                Set.of(Role.MEMBER, Role.ORGANIZER),
                true));
        browser = Browser.at("http://127.0.0.1:" + port);
        cli = Browser.client(browser.base());
    }

    private Map<String, Object> refresh(Map<String, Object> tokens) {
        return DeviceSignIn.refresh(cli, (String) tokens.get("refresh_token"));
    }

    @Test
    @DisplayName("a role taken away is gone from the next refreshed access token")
    void roleTakenAway() {
        // given an organizer signed in to the CLI
        var tokens = DeviceSignIn.tokens(cli, username, "temp-password");
        var check = ResourceServerCheck.of(cli.base());
        assertThat(check.decode((String) tokens.get("access_token")).getClaimAsStringList("roles"))
                .containsExactly("member", "organizer");

        // when they are no longer an organizer, and the CLI refreshes
        jdbc.sql("update account set roles = '{member}' where username = ?")
                .param(username)
                .update();
        var refreshed = refresh(tokens);

        // then
        assertThat(check.decode((String) refreshed.get("access_token")).getClaimAsStringList("roles"))
                .containsExactly("member");
    }

    @Test
    @DisplayName("an account that was disabled gets no new token")
    void disabled() {
        var tokens = DeviceSignIn.tokens(cli, username, "temp-password");

        jdbc.sql("update account set enabled = false where username = ?")
                .param(username)
                .update();

        assertThat(refresh(tokens)).containsEntry("error", "invalid_grant").doesNotContainKey("access_token");
    }

    @Test
    @DisplayName("a disabled account cannot sign in")
    void disabledSignIn() {
        jdbc.sql("update account set enabled = false where username = ?")
                .param(username)
                .update();

        assertThat(Browser.location(browser.signIn(username, "temp-password"))).endsWith("/login?error");
    }
}
