package dev.studyboard.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.TestIssuer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

@SpringBootTest(
        classes = ResourceServerTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.tracing.export.zipkin.enabled=false",
            // as in studyboard-service.yml; TestIssuer.Properties points it at the test issuer
            "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:9000/oauth2/jwks"
        })
@AutoConfigureRestTestClient
@Import(TestIssuer.Properties.class)
@ExtendWith(OutputCaptureExtension.class)
@DisplayName("A Study Board resource server")
class StudyBoardResourceServerTest {

    static final TestIssuer ISSUER = TestIssuer.shared();

    @Autowired
    RestTestClient http;

    @Nested
    @DisplayName("refuses with 401 problem details")
    class Unauthenticated {

        @Test
        @DisplayName("a write without a token, telling the client to bring a bearer token")
        void noToken() {
            http.post()
                    .uri("/api/notes")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .value(
                            HttpHeaders.WWW_AUTHENTICATE,
                            value -> assertThat(value).startsWith("Bearer").doesNotContain("error="))
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(401)
                    .jsonPath("$.instance")
                    .isEqualTo("/api/notes");
        }

        static Stream<Named<String>> forgedTokens() {
            return ISSUER.forgeries();
        }

        @ParameterizedTest(name = "an organizer''s token {0}")
        @MethodSource("forgedTokens")
        void forged(String token) {
            http.post()
                    .uri("/api/notes")
                    .header(HttpHeaders.AUTHORIZATION, token)
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .value(
                            HttpHeaders.WWW_AUTHENTICATE,
                            value -> assertThat(value).startsWith("Bearer error=\"invalid_token\""))
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(401);
        }

        @Test
        @DisplayName("even on a public read: a token, if sent, must be valid")
        void invalidTokenOnPublicRead() {
            http.get()
                    .uri("/api/notes")
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            ISSUER.token().signedByStranger().bearer())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }
    }

    @Nested
    @DisplayName("with a valid token")
    class Authenticated {

        @Test
        @DisplayName("refuses a member where the rule wants the organizer: 403 problem details")
        void wrongRole() {
            http.post()
                    .uri("/api/notes")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.member("sanggyeong"))
                    .exchange()
                    .expectStatus()
                    .isForbidden()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(403);
        }

        @Test
        @DisplayName("refuses a machine client outside its scopes: 403")
        void clientOutsideItsScopes() {
            http.post()
                    .uri("/api/notes")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.client("synthetic-check", "studyboard.read"))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        @DisplayName("lets the organizer's role and the client's scope through")
        void allowed() {
            http.post()
                    .uri("/api/notes")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                    .exchange()
                    .expectStatus()
                    .isOk();
            http.post()
                    .uri("/api/notes")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.client("demo-loader", "catalog.write"))
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        @Test
        @DisplayName("knows the caller: subject, name, client and the roles as authorities")
        void caller() {
            http.get()
                    .uri("/api/me")
                    .header(
                            HttpHeaders.AUTHORIZATION,
                            ISSUER.token()
                                    .subject("sanggyeong")
                                    .name("이상경")
                                    .roles("member")
                                    .clientId("swagger-ui")
                                    .bearer())
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.subject")
                    .isEqualTo("sanggyeong")
                    .jsonPath("$.name")
                    .isEqualTo("이상경")
                    .jsonPath("$.clientId")
                    .isEqualTo("swagger-ui")
                    .jsonPath("$.authorities")
                    .value(authorities -> assertThat(authorities.toString()).contains(Authorities.MEMBER));
        }
    }

    @Test
    @DisplayName("lets anonymous callers read what is public")
    void publicRead() {
        http.get().uri("/api/notes").exchange().expectStatus().isOk();
    }

    @Test
    @DisplayName("denies what no rule names, whoever asks")
    void denyByDefault() {
        http.get()
                .uri("/api/elsewhere")
                .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    @Test
    @DisplayName("puts the verified caller, and the refused ones, in the audit log")
    void audit(CapturedOutput output) {
        http.post()
                .uri("/api/notes")
                .header(HttpHeaders.AUTHORIZATION, ISSUER.client("demo-loader", "catalog.write"))
                .exchange()
                .expectStatus()
                .isOk();
        http.post().uri("/api/notes").exchange().expectStatus().isUnauthorized();

        // The line is written once the response has gone out: wait for it.
        await().untilAsserted(() -> assertThat(output.getOut())
                .containsPattern("POST /api/notes by demo-loader -> 200")
                .containsPattern("POST /api/notes by anonymous@\\S+ -> 401"));
    }
}
