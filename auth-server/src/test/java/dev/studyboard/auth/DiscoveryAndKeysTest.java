package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
@DisplayName("The auth-server's published metadata")
class DiscoveryAndKeysTest {

    @LocalServerPort
    int port;

    @Nested
    @DisplayName("OpenID Connect discovery")
    class Discovery {

        @Test
        @SuppressWarnings("unchecked")
        @DisplayName("names the configured issuer and its endpoints under it, whatever host the request came to")
        void namesTheConfiguredIssuer() {
            for (var host : List.of("127.0.0.1", "localhost")) {
                // given a client that reached the server by some address
                var client = Browser.client("http://" + host + ":" + port);

                // when it reads the discovery document
                var response = client.getJson("/.well-known/openid-configuration");

                // then the issuer is the configured one, not the address used
                assertThat(response.statusCode()).isEqualTo(200);
                var document = Browser.json(response);
                assertThat(document)
                        .containsEntry("issuer", AuthServerTest.ISSUER)
                        .containsEntry("jwks_uri", AuthServerTest.ISSUER + "/oauth2/jwks")
                        .containsEntry("token_endpoint", AuthServerTest.ISSUER + "/oauth2/token")
                        .containsEntry(
                                "device_authorization_endpoint",
                                AuthServerTest.ISSUER + "/oauth2/device_authorization");
                assertThat((List<Object>) document.get("code_challenge_methods_supported"))
                        .containsExactly("S256");
            }
        }

        @Test
        @DisplayName("the OAuth 2.0 metadata (RFC 8414) names the same issuer")
        void oauthMetadata() {
            var response =
                    Browser.client("http://127.0.0.1:" + port).getJson("/.well-known/oauth-authorization-server");

            assertThat(Browser.json(response)).containsEntry("issuer", AuthServerTest.ISSUER);
        }
    }

    @Nested
    @DisplayName("the JWKS")
    class Jwks {

        @SuppressWarnings("unchecked")
        private List<Map<String, Object>> keys() {
            var response = Browser.client("http://127.0.0.1:" + port).getJson("/oauth2/jwks");
            assertThat(response.statusCode()).isEqualTo(200);
            return (List<Map<String, Object>>) Browser.json(response).get("keys");
        }

        @Test
        @DisplayName("publishes the active key and the next one, for signatures with RS256")
        void activeAndNext() {
            assertThat(keys())
                    .extracting(key -> key.get("kid"))
                    .containsExactly(TestKeys.ACTIVE_KEY_ID, TestKeys.NEXT_KEY_ID);
            assertThat(keys())
                    .allSatisfy(key -> assertThat(key)
                            .containsEntry("kty", "RSA")
                            .containsEntry("use", "sig")
                            .containsEntry("alg", "RS256"));
        }

        @Test
        @DisplayName("never a private part of a key")
        void noPrivatePart() {
            assertThat(keys())
                    .allSatisfy(key -> assertThat(key).containsOnlyKeys("kty", "e", "n", "kid", "use", "alg"));
        }
    }
}
