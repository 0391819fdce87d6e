package dev.studyboard.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

@AuthServerTest
@DisplayName("Running the auth-server")
class OperationsTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Nested
    @DisplayName("the actuator")
    class Actuator {

        @Test
        @DisplayName("answers readiness on the management port, with the database in it")
        void readiness() {
            var response = Browser.client("http://127.0.0.1:" + managementPort).getJson("/actuator/health/readiness");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"").contains("\"db\"");
        }

        @Test
        @DisplayName("serves Prometheus metrics on the management port")
        void prometheus() {
            var response = Browser.client("http://127.0.0.1:" + managementPort)
                    .send(HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus"))
                            .header("Accept", "text/plain"));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("application=\"auth-server\"");
        }

        @Test
        @DisplayName("is not on the public port")
        void notPublic() {
            var response = Browser.client("http://127.0.0.1:" + port).getJson("/actuator/health");

            assertThat(response.statusCode()).isNotEqualTo(200);
            assertThat(response.body()).doesNotContain("UP");
        }
    }

    @Nested
    @DisplayName("the pages a person sees")
    class Pages {

        @Test
        @DisplayName("signing in without a client lands on a page that says who is signed in")
        void home() {
            var browser = Browser.at("http://127.0.0.1:" + port);

            var landing = browser.follow(browser.signIn("organizer", AuthServerTest.PASSWORD));

            assertThat(landing.statusCode()).isEqualTo(200);
            assertThat(landing.body()).contains("Signed in as <strong>organizer</strong>");
        }

        @Test
        @DisplayName("the login session cookie has its own name, HttpOnly and SameSite")
        void sessionCookie() {
            var login = Browser.client("http://127.0.0.1:" + port).get("/login");

            assertThat(login.headers().allValues("Set-Cookie"))
                    .anySatisfy(cookie -> assertThat(cookie)
                            .startsWith("STUDYBOARD_AUTH_SESSION=")
                            .contains("HttpOnly")
                            .contains("SameSite=Lax"));
        }
    }

    @Test
    @DisplayName("reads its keys from files, one per variable (compose secrets, a Kubernetes Secret volume)")
    void secretsAsFiles(@TempDir Path secrets) throws IOException {
        // given the key pair as files named like the variables, and no key in the environment or command line
        Files.writeString(secrets.resolve("AUTH_SIGNING_KEY_ID"), "from-a-file\n");
        Files.writeString(secrets.resolve("AUTH_SIGNING_PRIVATE_KEY"), TestKeys.privatePem(TestKeys.NEXT));
        Files.writeString(secrets.resolve("AUTH_SIGNING_PUBLIC_KEY"), TestKeys.publicPem(TestKeys.NEXT));

        // when the server starts with AUTH_SECRETS_DIR pointing there
        try (var replica = Replica.startWithoutKeyArguments("--AUTH_SECRETS_DIR=" + secrets + "/")) {
            // then it publishes and signs with that key
            var jwks = Browser.client(replica.base()).getJson("/oauth2/jwks").body();
            assertThat(jwks).contains("\"kid\":\"from-a-file\"");
        }
    }

    @Test
    @DisplayName("without a signing key the server does not start, and says which variables to set")
    void noSigningKey() {
        var application = new SpringApplicationBuilder(AuthServerApplication.class);

        assertThatThrownBy(() -> application.run(Replica.arguments(false)))
                .rootCause()
                .hasMessageContaining("No signing key configured")
                .hasMessageContaining("AUTH_SIGNING_PRIVATE_KEY");
    }
}
