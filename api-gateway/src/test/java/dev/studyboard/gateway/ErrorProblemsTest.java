package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.testsupport.TestIssuer;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Whatever the gateway refuses itself, it answers with problem details, even below Spring. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "GATEWAY_RATE_LIMIT=1000"})
@AutoConfigureWebTestClient
@Import(TestIssuer.Properties.class)
@DisplayName("The gateway's own error answers")
class ErrorProblemsTest {

    static final String MEMBER = TestIssuer.shared().member("taehyun");
    static final StandInService CATALOG = new StandInService("catalog-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        CATALOG.listIn(registry);
    }

    @AfterAll
    static void stop() {
        CATALOG.stop();
    }

    @Autowired
    WebTestClient http;

    @LocalServerPort
    int port;

    @Nested
    @DisplayName("from Spring WebFlux, as problem details in place of Spring Boot's error attributes")
    class FromWebFlux {

        @Test
        @DisplayName("404 for a path nothing serves")
        void notFound() {
            http.get()
                    .uri("/actuator/env")
                    .accept(MediaType.TEXT_HTML)
                    .exchange()
                    .expectStatus()
                    .isNotFound()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.status")
                    .isEqualTo(404)
                    .jsonPath("$.instance")
                    .isEqualTo("/actuator/env");
        }

        @Test
        @DisplayName("405 with Allow for a method the gateway's own API does not take")
        void methodNotAllowed() {
            http.delete()
                    .uri("/api/system/services")
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(405)
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals(HttpHeaders.ALLOW, "GET");
        }

        @Test
        @DisplayName("400 for a member id that is no UUID, saying nothing of the conversion's classes")
        void malformedId() {
            http.get()
                    .uri("/api/dashboard/members/not-a-uuid")
                    .header(HttpHeaders.AUTHORIZATION, MEMBER)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody(String.class)
                    .value(body -> assertThat(body).doesNotContain("java.", "Exception"));
        }
    }

    @Nested
    @DisplayName("from below Spring, which would have no body: problem details with the status")
    class Bare {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "headers over 8KB (Netty) | GET /api/catalog/books HTTP/1.1 | X-Padding: %s | 431",
                    "a request line over 4KB (Netty) | GET /api/catalog/%s HTTP/1.1 | | 414",
                    "a Content-Length that is no number (Netty) | POST /api/catalog/books HTTP/1.1 "
                            + "| Content-Length: many | 400",
                    "a request target that is no URI | GET /api/catalog/{books} HTTP/1.1 | | 400",
                    "a path climbing out of its route (Spring Security's firewall) "
                            + "| GET /api/catalog/../../actuator/health HTTP/1.1 | | 400",
                    "the same, encoded | GET /api/catalog/%2e%2e/%2e%2e/actuator/health HTTP/1.1 | | 400",
                    "a method no API has (the firewall) | TRACE /api/catalog/books HTTP/1.1 | | 400",
                    "the firewall, to HEAD | HEAD /api/catalog/../../actuator/health HTTP/1.1 | | 400"
                })
        void problemDetails(String what, String requestLine, String header, int status) throws IOException {
            var padding = "x".repeat(10_000);
            var extra = header == null ? "" : header.replace("%s", padding) + "\r\n";
            var answer = raw(requestLine.replace("%s", padding) + "\r\nHost: localhost\r\nConnection: close\r\n" + extra
                    + "\r\n");

            assertThat(answer)
                    .startsWith("HTTP/1.1 " + status)
                    .containsIgnoringCase("content-type: application/problem+json");
            if (!requestLine.startsWith("HEAD")) {
                assertThat(answer).contains("\"status\":" + status);
            }
        }
    }

    @Test
    @DisplayName("a request to upgrade to a WebSocket, which no route serves: routed as plain HTTP, not a 503")
    void webSocketUpgrade() {
        CATALOG.stubFor(get("/api/catalog/books").willReturn(okJson("[]")));

        http.get()
                .uri("/api/catalog/books")
                .header(HttpHeaders.CONNECTION, "Upgrade")
                .header(HttpHeaders.UPGRADE, "websocket")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==")
                .header("Sec-WebSocket-Version", "13")
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** What the gateway answers to a request as written, which no HTTP client library would send. */
    String raw(String request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
