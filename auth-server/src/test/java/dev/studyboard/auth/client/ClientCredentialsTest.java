package dev.studyboard.auth.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.SignedJWT;
import dev.studyboard.auth.AuthServerTest;
import dev.studyboard.auth.Browser;
import dev.studyboard.auth.ResourceServerCheck;
import dev.studyboard.auth.TestKeys;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.oauth2.jwt.JwtValidationException;

@AuthServerTest
@DisplayName("A machine client (client credentials)")
class ClientCredentialsTest {

    @LocalServerPort
    int port;

    Browser client;

    @BeforeEach
    void reachTheServer() {
        client = Browser.client("http://127.0.0.1:" + port);
    }

    private HttpResponse<String> token(String clientId, String secret, String... scope) {
        return client.postAs(
                clientId,
                secret,
                "/oauth2/token",
                "grant_type",
                "client_credentials",
                "scope",
                String.join(" ", scope));
    }

    @Nested
    @DisplayName("demo-loader with its secret")
    class DemoLoader {

        @Test
        @DisplayName(
                "gets an access token for its scopes, about itself: sub = client id, aud has study-board-api, no roles")
        void getsItsToken() throws Exception {
            // when
            var response = token(
                    "demo-loader",
                    AuthServerTest.DEMO_LOADER_SECRET,
                    "catalog.write members.write progress.write imports.write");

            // then
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var body = Browser.json(response);
            assertThat(body).containsEntry("token_type", "Bearer").doesNotContainKey("refresh_token");
            assertThat(((Number) body.get("expires_in")).longValue())
                    .isBetween(
                            Duration.ofMinutes(9).toSeconds(),
                            Duration.ofMinutes(10).toSeconds());
            var jwt = ResourceServerCheck.of(client.base()).decode((String) body.get("access_token"));
            assertThat(jwt.getSubject()).isEqualTo("demo-loader");
            assertThat(jwt.getIssuer()).hasToString(AuthServerTest.ISSUER);
            assertThat(jwt.getAudience()).containsExactlyInAnyOrder("demo-loader", "study-board-api");
            assertThat(jwt.getClaimAsStringList("scope"))
                    .containsExactlyInAnyOrder("catalog.write", "members.write", "progress.write", "imports.write");
            assertThat(jwt.getClaimAsString("client_id")).isEqualTo("demo-loader");
            assertThat(jwt.getClaims()).doesNotContainKeys("roles", "name");
        }

        @Test
        @DisplayName("asking only for the scope it imports the notes with (imports.write): a token with that alone")
        void importsOnly() {
            var response = token("demo-loader", AuthServerTest.DEMO_LOADER_SECRET, "imports.write");

            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            var jwt = ResourceServerCheck.of(client.base())
                    .decode((String) Browser.json(response).get("access_token"));
            assertThat(jwt.getClaimAsStringList("scope")).containsExactly("imports.write");
        }

        @Test
        @DisplayName("the token is signed with the active key (its kid), RS256")
        void signedWithTheActiveKey() throws Exception {
            var body = Browser.json(token("demo-loader", AuthServerTest.DEMO_LOADER_SECRET, "catalog.write"));

            var header = SignedJWT.parse((String) body.get("access_token")).getHeader();

            assertThat(header.getKeyID()).isEqualTo(TestKeys.ACTIVE_KEY_ID);
            assertThat(header.getAlgorithm().getName()).isEqualTo("RS256");
        }

        @Test
        @DisplayName("asking for a scope it was not given: 400 invalid_scope, no token")
        void foreignScope() {
            var response = token("demo-loader", AuthServerTest.DEMO_LOADER_SECRET, "catalog.write studyboard.admin");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(Browser.json(response))
                    .containsEntry("error", "invalid_scope")
                    .doesNotContainKey("access_token");
        }

        @Test
        @DisplayName("a person's scope (openid) is not a machine client's either")
        void noOpenId() {
            var response = token("demo-loader", AuthServerTest.DEMO_LOADER_SECRET, "openid");

            assertThat(Browser.json(response)).containsEntry("error", "invalid_scope");
        }
    }

    @Nested
    @DisplayName("refused")
    class Refused {

        @Test
        @DisplayName("with a wrong secret: 401 invalid_client")
        void wrongSecret() {
            var response = token("demo-loader", "not-the-secret", "catalog.write");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(Browser.json(response)).containsEntry("error", "invalid_client");
        }

        @Test
        @DisplayName("an unknown client: 401 invalid_client")
        void unknownClient() {
            var response = token("someone", "anything", "catalog.write");

            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        @DisplayName("a public client (swagger-ui) cannot use client credentials at all")
        void publicClient() {
            var response = client.post(
                    "/oauth2/token", "grant_type", "client_credentials", "client_id", "swagger-ui", "scope", "openid");

            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).doesNotContain("access_token");
        }
    }

    @Test
    @DisplayName("synthetic-check gets its read-only scope, and only that")
    void syntheticCheck() {
        var granted = token("synthetic-check", AuthServerTest.SYNTHETIC_CHECK_SECRET, "studyboard.read");
        var beyond = token("synthetic-check", AuthServerTest.SYNTHETIC_CHECK_SECRET, "catalog.write");

        var jwt = ResourceServerCheck.of(client.base())
                .decode((String) Browser.json(granted).get("access_token"));
        assertThat(jwt.getClaimAsStringList("scope")).containsExactly("studyboard.read");
        assertThat(Browser.json(beyond)).containsEntry("error", "invalid_scope");
    }

    @Nested
    @DisplayName("its token, checked as a resource server checks it")
    class Checked {

        private String accessToken() {
            return (String) Browser.json(token("demo-loader", AuthServerTest.DEMO_LOADER_SECRET, "catalog.write"))
                    .get("access_token");
        }

        @Test
        @DisplayName("is refused by a service that expects another issuer")
        void otherIssuer() {
            var check = new ResourceServerCheck(
                    client.base() + "/oauth2/jwks", "http://127.0.0.1:" + port, "study-board-api");

            assertThatThrownBy(() -> check.decode(accessToken()))
                    .isInstanceOf(JwtValidationException.class)
                    .hasMessageContaining("iss");
        }

        @Test
        @DisplayName("is refused by a service that expects another audience")
        void otherAudience() {
            var check = new ResourceServerCheck(client.base() + "/oauth2/jwks", AuthServerTest.ISSUER, "another-api");

            assertThatThrownBy(() -> check.decode(accessToken())).isInstanceOf(JwtValidationException.class);
        }
    }
}
