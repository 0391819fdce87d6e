package dev.studyboard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.auth.AuthServerTest;
import dev.studyboard.auth.Browser;
import dev.studyboard.auth.DeviceSignIn;
import dev.studyboard.auth.ResourceServerCheck;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
@DisplayName("The CLI signing a person in with the device flow (RFC 8628)")
class DeviceFlowTest {

    @LocalServerPort
    int port;

    Browser cli;

    @BeforeEach
    void reachTheServer() {
        cli = Browser.client("http://127.0.0.1:" + port);
    }

    @Test
    @DisplayName("OpenID Connect is not part of the device flow: asking for openid is invalid_scope")
    void noOpenId() {
        var response = cli.post("/oauth2/device_authorization", "client_id", "study-board-cli", "scope", "openid");

        assertThat(Browser.json(response)).containsEntry("error", "invalid_scope");
    }

    @Test
    @DisplayName("a confidential client cannot start a device flow by its id alone")
    void notForConfidentialClients() {
        var response = cli.post("/oauth2/device_authorization", "client_id", "demo-loader", "scope", "catalog.write");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(Browser.json(response)).containsEntry("error", "invalid_client");
    }

    @Test
    @DisplayName("the device authorization endpoint answers a user code and where to type it, at the issuer's address")
    void deviceAuthorizationResponse() {
        var answer = DeviceSignIn.start(cli, "profile email");

        assertThat(answer).containsKeys("device_code", "user_code", "expires_in");
        assertThat((String) answer.get("user_code")).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(answer).containsEntry("verification_uri", AuthServerTest.ISSUER + "/activate");
        assertThat((String) answer.get("verification_uri_complete"))
                .isEqualTo(AuthServerTest.ISSUER + "/activate?user_code=" + answer.get("user_code"));
    }

    @Test
    @DisplayName("the CLI waits (authorization_pending) until the person signs in, types the code and confirms")
    void wholeFlow() {
        // given the CLI has a code and polls for its token
        var answer = DeviceSignIn.start(cli, "profile email");
        var deviceCode = (String) answer.get("device_code");
        assertThat(DeviceSignIn.poll(cli, deviceCode)).containsEntry("error", "authorization_pending");

        // when the person opens the page in a browser, signs in, types the code and confirms the scopes
        var browser = Browser.at(cli.base());
        assertThat(Browser.location(browser.get("/activate"))).endsWith("/login");
        var activate = browser.follow(browser.signIn("taehyun", AuthServerTest.PASSWORD));
        assertThat(activate.statusCode()).isEqualTo(200);
        assertThat(activate.body()).contains("name=\"user_code\"");
        var confirmed = browser.post(
                "/oauth2/device_verification",
                "client_id",
                "study-board-cli",
                "state",
                DeviceSignIn.consentState(browser, (String) answer.get("user_code")),
                "scope",
                "profile",
                "scope",
                "email",
                "user_code",
                (String) answer.get("user_code"));
        assertThat(Browser.location(confirmed)).endsWith("/activated");

        // then the CLI's next poll gets tokens for that person, a refresh token among them
        var tokens = DeviceSignIn.poll(cli, deviceCode);
        assertThat(tokens).containsKeys("access_token", "refresh_token");
        var jwt = ResourceServerCheck.of(cli.base()).decode((String) tokens.get("access_token"));
        assertThat(jwt.getSubject()).isEqualTo("taehyun");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactly("member");
        assertThat(jwt.getAudience()).contains("study-board-cli", "study-board-api");
        // and the device code is spent
        assertThat(DeviceSignIn.poll(cli, deviceCode)).containsKey("error").doesNotContainKey("access_token");
    }

    @Nested
    @DisplayName("its refresh token")
    class Refresh {

        @Test
        @DisplayName("is used by the CLI's client id alone (no secret), and each one works once (rotation)")
        void rotated() {
            // given tokens from the device flow
            var refreshToken = (String) DeviceSignIn.tokens(cli, "sanggyeong", AuthServerTest.PASSWORD)
                    .get("refresh_token");

            // when the CLI refreshes, and then tries the same refresh token again
            var refreshed = DeviceSignIn.refresh(cli, refreshToken);
            var again = DeviceSignIn.refresh(cli, refreshToken);

            // then the first answers new tokens for the same person, the second nothing
            assertThat(refreshed).containsKeys("access_token", "refresh_token");
            assertThat(refreshed.get("refresh_token")).isNotEqualTo(refreshToken);
            assertThat(ResourceServerCheck.of(cli.base())
                            .decode((String) refreshed.get("access_token"))
                            .getSubject())
                    .isEqualTo("sanggyeong");
            assertThat(again).containsEntry("error", "invalid_grant").doesNotContainKey("access_token");
        }

        @Test
        @DisplayName("is refused to another public client (swagger-ui) that presents it")
        void notForAnotherClient() {
            var refreshToken = (String) DeviceSignIn.tokens(cli, "sanggyeong", AuthServerTest.PASSWORD)
                    .get("refresh_token");

            var stolen = DeviceSignIn.refreshAs(cli, "swagger-ui", refreshToken);

            assertThat(stolen).containsEntry("error", "invalid_grant").doesNotContainKey("access_token");
        }

        @Test
        @DisplayName("a confidential client cannot refresh by its id alone: 401 invalid_client")
        void notForConfidentialClients() {
            var response = cli.post(
                    "/oauth2/token",
                    "grant_type",
                    "refresh_token",
                    "refresh_token",
                    "anything",
                    "client_id",
                    "demo-loader");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(Browser.json(response)).containsEntry("error", "invalid_client");
        }
    }
}
