package dev.studyboard.auth.client;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The configured clients are checked before the server starts")
class RegisteredClientsTest {

    private static RegisteredClients registering(String clientId, ClientProperties.Client client) {
        return new RegisteredClients(
                new ClientProperties(Map.of(clientId, client), Duration.ofMinutes(10), Duration.ofHours(8)),
                null,
                null,
                null,
                null); // not reached: the check happens when the registration is created
    }

    @Test
    @DisplayName("Swagger UI as configured is accepted")
    void swaggerUi() {
        assertThatCode(() -> registering(
                        "swagger-ui",
                        new ClientProperties.Client(
                                null,
                                null,
                                false,
                                List.of("authorization_code"),
                                List.of("http://localhost:8080/swagger-ui/oauth2-redirect.html"),
                                List.of(),
                                List.of("openid", "profile", "email"),
                                false)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the CLI as configured is accepted: it may refresh what its device flow got")
    void cli() {
        assertThatCode(() -> registering(
                        "study-board-cli",
                        new ClientProperties.Client(
                                null,
                                null,
                                false,
                                List.of(
                                        "urn:ietf:params:oauth:grant-type:device_code",
                                        "authorization_code",
                                        "refresh_token"),
                                List.of("http://127.0.0.1:8765/callback"),
                                List.of(),
                                List.of("openid", "profile", "email"),
                                true)))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the gateway's browser sign-in as configured is accepted: confidential, so it may refresh")
    void web() {
        assertThatCode(() -> registering("study-board-web", web("secret", List.of("openid", "profile"))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the gateway's browser sign-in without its secret is no error: it is not registered (at start)")
    void webWithoutSecret() {
        assertThatCode(() -> registering("study-board-web", web(null, List.of("openid", "profile"))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the gateway's browser sign-in acts for a person: never an API scope, confidential or not")
    void webWithApiScope() {
        assertThatThrownBy(() -> registering("study-board-web", web("secret", List.of("openid", "progress.write"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("progress.write");
    }

    private static ClientProperties.Client web(String secret, List<String> scopes) {
        return new ClientProperties.Client(
                "Study Board",
                secret,
                true,
                List.of("authorization_code", "refresh_token"),
                List.of("http://localhost:8080/login/oauth2/code/study-board"),
                List.of("http://localhost:8080/"),
                scopes,
                false);
    }

    @Test
    @DisplayName(
            "a public client without the device grant is not registered with refresh_token: it would never get one")
    void publicClientRefresh() {
        assertThatThrownBy(() -> registering(
                        "swagger-ui",
                        new ClientProperties.Client(
                                null,
                                null,
                                false,
                                List.of("authorization_code", "refresh_token"),
                                List.of("http://localhost:8080/swagger-ui/oauth2-redirect.html"),
                                List.of(),
                                List.of("openid"),
                                false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("refresh token from the device grant only");
    }

    @Test
    @DisplayName("a client that acts for a person never gets an API scope: a person's rights come from their roles")
    void personWithApiScope() {
        assertThatThrownBy(() -> registering(
                        "swagger-ui",
                        new ClientProperties.Client(
                                null,
                                null,
                                false,
                                List.of("authorization_code"),
                                List.of("http://localhost:8080/cb"),
                                List.of(),
                                List.of("openid", "catalog.write"),
                                false)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("catalog.write");
    }

    @Test
    @DisplayName("a machine client has client credentials as its only grant")
    void machineAndPerson() {
        assertThatThrownBy(() -> registering(
                        "demo-loader",
                        new ClientProperties.Client(
                                null,
                                "secret",
                                false,
                                List.of("client_credentials", "authorization_code"),
                                List.of("http://localhost:8080/cb"),
                                List.of(),
                                List.of("catalog.write"),
                                false)))
                .hasMessageContaining("client_credentials is a machine client's only grant");
    }

    @Test
    @DisplayName("an authorization code client needs its redirect URIs")
    void noRedirect() {
        assertThatThrownBy(() -> registering(
                        "swagger-ui",
                        new ClientProperties.Client(
                                null,
                                null,
                                false,
                                List.of("authorization_code"),
                                List.of(),
                                List.of(),
                                List.of("openid"),
                                false)))
                .hasMessageContaining("redirect-uris");
    }
}
