package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.auth.account.AccountStore;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

@AuthServerTest
@DisplayName("A second replica (or a restart) on the same database")
class SecondReplicaTest {

    static Replica second;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountStore accounts;

    @Autowired
    PasswordEncoder passwordEncoder;

    Browser first;

    @BeforeAll
    static void startASecondReplica() {
        second = Replica.start();
    }

    @AfterAll
    static void stopIt() {
        second.close();
    }

    @BeforeEach
    void openABrowser() {
        first = Browser.at("http://127.0.0.1:" + port);
    }

    @Test
    @DisplayName("accepts the refresh token the first one issued (the authorizations are in the database)")
    void refreshTokenElsewhere() {
        // given the CLI signed in by the device flow on the first replica
        var tokens = DeviceSignIn.tokens(Browser.client(first.base()), "sanggyeong", AuthServerTest.PASSWORD);

        // when it refreshes at the second one
        var refreshed = DeviceSignIn.refresh(Browser.client(second.base()), (String) tokens.get("refresh_token"));

        // then it gets new tokens for the same person, which both replicas' keys verify
        assertThat(refreshed).containsKeys("access_token", "refresh_token");
        var accessToken = (String) refreshed.get("access_token");
        assertThat(ResourceServerCheck.of(second.base()).decode(accessToken).getSubject())
                .isEqualTo("sanggyeong");
        assertThat(ResourceServerCheck.of(first.base()).decode(accessToken).getClaimAsStringList("roles"))
                .containsExactly("member");
    }

    @Test
    @DisplayName("publishes the same JWKS: the keys come from configuration, not from the process")
    void sameJwks() {
        var mine = Browser.client(first.base()).getJson("/oauth2/jwks").body();
        var theirs = Browser.client(second.base()).getJson("/oauth2/jwks").body();

        assertThat(theirs).isEqualTo(mine);
    }

    @Test
    @DisplayName("knows who signed in on the first one (the login session is in the database)")
    void sharedLogin() {
        // given a person signed in on the first replica
        first.signIn("organizer", AuthServerTest.PASSWORD);

        // when their browser, with the same cookie, asks the second one for a code
        var onTheSecond = first.get(second.base()
                + SignIn.authorizeUrl(
                        "swagger-ui",
                        AuthServerTest.SWAGGER_REDIRECT,
                        Pkce.create(),
                        UUID.randomUUID().toString()));

        // then it is not asked to sign in again
        assertThat(onTheSecond.statusCode()).isEqualTo(302);
        assertThat(Browser.location(onTheSecond)).startsWith(AuthServerTest.SWAGGER_REDIRECT);
        assertThat(Browser.query(Browser.location(onTheSecond))).containsKey("code");
    }

    @Test
    @DisplayName("stores every password encoded with bcrypt, none as given")
    void passwordsEncoded() {
        var stored =
                jdbc.sql("select password from account").query(String.class).list();

        assertThat(stored)
                .isNotEmpty()
                .allSatisfy(password ->
                        assertThat(password).startsWith("{bcrypt}$2").doesNotContain(AuthServerTest.PASSWORD));
    }

    @Test
    @DisplayName("a restart creates the demo accounts once: no second account, and a changed password stays changed")
    void restartKeepsAccounts() {
        // given a demo member who has changed their password
        accounts.updatePassword("sangcho", passwordEncoder.encode("changed-by-sangcho"));
        var before = jdbc.sql("select password from account where username = 'sangcho'")
                .query(String.class)
                .single();

        // when the auth-server restarts with the same configuration
        try (var restarted = Replica.start()) {
            // then the account is as it was, and signs in with the changed password only
            assertThat(jdbc.sql("select count(*) from account where username = 'sangcho'")
                            .query(Integer.class)
                            .single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select password from account where username = 'sangcho'")
                            .query(String.class)
                            .single())
                    .isEqualTo(before);
            var browser = Browser.at(restarted.base());
            assertThat(Browser.location(browser.signIn("sangcho", AuthServerTest.PASSWORD)))
                    .endsWith("/login?error");
            assertThat(Browser.location(browser.signIn("sangcho", "changed-by-sangcho")))
                    .doesNotContain("error");
        } finally {
            accounts.updatePassword("sangcho", passwordEncoder.encode(AuthServerTest.PASSWORD));
        }
    }
}
