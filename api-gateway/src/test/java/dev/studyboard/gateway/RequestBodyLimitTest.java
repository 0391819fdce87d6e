package dev.studyboard.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.testsupport.TestIssuer;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The request body limit before routing, over real HTTP: what matters is whether a client declares the length.
 * The limit is small here (1KB) so the bodies are.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "GATEWAY_RATE_LIMIT=1000", "studyboard.web.max-request-body=1KB"})
@Import(TestIssuer.Properties.class)
@DisplayName("The gateway's request body limit")
class RequestBodyLimitTest {

    static final int LIMIT = 1024;
    static final TestIssuer ISSUER = TestIssuer.shared();
    static final StandInService CATALOG = new StandInService("catalog-service");

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        CATALOG.listIn(registry);
    }

    @AfterAll
    static void stop() {
        CATALOG.stop();
    }

    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @BeforeEach
    void standIn() {
        CATALOG.resetAll();
        CATALOG.stubFor(post("/api/catalog/books").willReturn(aResponse().withStatus(201)));
    }

    @Nested
    @DisplayName("with a declared length (Content-Length)")
    class Declared {

        @Test
        @DisplayName("routes a body at the limit")
        void atTheLimit() throws Exception {
            var response = send(BodyPublishers.ofByteArray(body(LIMIT)));

            assertThat(response.statusCode()).isEqualTo(201);
            CATALOG.verify(postRequestedFor(urlPathEqualTo("/api/catalog/books"))
                    .withHeader("Content-Length", equalTo(String.valueOf(LIMIT))));
        }

        @Test
        @DisplayName("refuses a body one byte over with 413 problem details, and routes nothing")
        void oneByteOver() throws Exception {
            var response = send(BodyPublishers.ofByteArray(body(LIMIT + 1)));

            assertTooLarge(response);
            CATALOG.verify(0, postRequestedFor(urlPathEqualTo("/api/catalog/books")));
        }

        @Test
        @DisplayName("refuses at once, before reading any of it: a route that retries would read it all first")
        void unread() throws Exception {
            try (var socket = new Socket("localhost", port)) {
                socket.setSoTimeout(5_000);
                var head = "POST /api/catalog/books HTTP/1.1\r\nHost: localhost\r\nAuthorization: %s\r\n"
                                .formatted(ISSUER.organizer())
                        + "Content-Type: application/json\r\nContent-Length: " + (LIMIT + 1) + "\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII)); // and not a byte of the body

                var answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);

                assertThat(answer).isEqualTo("HTTP/1.1 413");
            }
        }
    }

    @Nested
    @DisplayName("without a declared length (Transfer-Encoding: chunked)")
    class Chunked {

        @Test
        @DisplayName("routes a body at the limit, with its length now declared")
        void atTheLimit() throws Exception {
            var response = send(chunked(body(LIMIT)));

            assertThat(response.statusCode()).isEqualTo(201);
            CATALOG.verify(postRequestedFor(urlPathEqualTo("/api/catalog/books"))
                    .withHeader("Content-Length", equalTo(String.valueOf(LIMIT)))
                    .withHeader("Transfer-Encoding", absent())
                    .withRequestBody(equalTo(new String(body(LIMIT), StandardCharsets.UTF_8))));
        }

        @Test
        @DisplayName("refuses a body that grows past the limit with 413 problem details, and routes nothing")
        void oneByteOver() throws Exception {
            var response = send(chunked(body(LIMIT + 1)));

            assertTooLarge(response);
            CATALOG.verify(0, postRequestedFor(urlPathEqualTo("/api/catalog/books")));
        }
    }

    /** A JSON body of exactly {@code size} bytes. */
    static byte[] body(int size) {
        var json = "{\"title\":\"" + "a".repeat(size - "{\"title\":\"\"}".length()) + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A body of unknown length: the JDK client sends it chunked. */
    static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    HttpResponse<String> send(BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/catalog/books"))
                .header("Authorization", ISSUER.organizer())
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return client.send(request, BodyHandlers.ofString());
    }

    static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":413", "\"instance\":\"/api/catalog/books\"", "at most " + LIMIT + " bytes");
    }
}
