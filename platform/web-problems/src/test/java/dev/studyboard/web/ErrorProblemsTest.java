package dev.studyboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
        classes = WebProblemsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "studyboard.web.max-request-body=1KB")
@DisplayName("Error answers no handler of the service writes")
class ErrorProblemsTest {

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Nested
    @DisplayName("rendered at /error")
    class AtError {

        @Test
        @DisplayName("a request a filter refused (sendError): problem details with its status, not the filter's words")
        void refusedByAFilter() throws Exception {
            var response = get("/api/refused", "application/json");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body())
                    .contains("\"status\":400", "\"title\":\"Bad Request\"", "\"instance\":\"/api/refused\"")
                    .doesNotContain("rejected");
        }

        @Test
        @DisplayName("an exception no handler answers: 500 problem details that tell nothing of it")
        void escapedException() throws Exception {
            var response = get("/api/broken", "application/json");

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body())
                    .contains("\"status\":500")
                    .doesNotContain("SQL", "secret", "Exception", "java.");
        }

        @ParameterizedTest(name = "Accept: {0}")
        @ValueSource(strings = {"text/html", "image/png", "*/*"})
        @DisplayName("problem details whatever the client accepts")
        void whateverIsAccepted(String accept) throws Exception {
            assertThat(get("/api/refused", accept))
                    .satisfies(response -> assertThat(response.statusCode()).isEqualTo(400))
                    .satisfies(response -> assertThat(response.headers().firstValue("Content-Type"))
                            .hasValue("application/problem+json"));
            assertThat(get("/api/nothing-here", accept))
                    .satisfies(response -> assertThat(response.statusCode()).isEqualTo(404))
                    .satisfies(response -> assertThat(response.headers().firstValue("Content-Type"))
                            .hasValue("application/problem+json"));
        }
    }

    @Nested
    @DisplayName("to media type headers Spring MVC cannot cope with")
    class MediaTypes {

        @ParameterizedTest(name = "Accept: {0}")
        @ValueSource(strings = {"text/html;q=x", "a/b/c", "application/json, ,;"})
        @DisplayName("an Accept that cannot be read: 400 naming it, before anything else (which could not answer)")
        void unreadableAccept(String accept) throws Exception {
            var response = get("/api/nothing-here", accept);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"field\":\"Accept\"");
        }

        @ParameterizedTest(name = "Content-Type: {0}")
        @ValueSource(strings = {"*/*", "application/*"})
        @DisplayName("a body whose Content-Type is a range of types: 415 naming it, not a server error")
        void contentTypeRange(String contentType) throws Exception {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"a\"}"))
                    .build();

            var response = client.send(request, BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(415);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"field\":\"Content-Type\"");
        }
    }

    @Nested
    @DisplayName("written by Tomcat itself, before any Spring code")
    class ByTomcat {

        @ParameterizedTest(name = "{0}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "a character a request target may not hold | GET /api/notes/a{b} HTTP/1.1 | | 400",
                    "a percent-encoded byte that is no UTF-8 | GET /api/notes/%c0%af HTTP/1.1 | | 400",
                    "headers over the limit | GET /api/notes HTTP/1.1 | X-Padding: %s | 400",
                    "an expectation it does not know | POST /api/notes HTTP/1.1 | Expect: something | 417",
                    "a transfer coding it does not implement | POST /api/notes HTTP/1.1 | Transfer-Encoding: gzip | 501"
                })
        @DisplayName("problem details with the status, in place of an HTML page:")
        void problemDetails(String what, String requestLine, String header, int status) throws IOException {
            var extra = header == null ? "" : header.formatted("x".repeat(10_000)) + "\r\n";
            var answer = raw(requestLine + "\r\nHost: localhost\r\nConnection: close\r\n" + extra + "\r\n");

            assertThat(answer)
                    .startsWith("HTTP/1.1 " + status)
                    .containsIgnoringCase("Content-Type: application/problem+json")
                    .contains("\"status\":" + status)
                    .doesNotContain("<html", "Tomcat");
        }
    }

    HttpResponse<String> get(String path, String accept) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept)
                .build();
        return client.send(request, BodyHandlers.ofString());
    }

    /** What Tomcat answers to a request as written, which no HTTP client library would send. */
    String raw(String request) throws IOException {
        try (var socket = new Socket("localhost", port)) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
