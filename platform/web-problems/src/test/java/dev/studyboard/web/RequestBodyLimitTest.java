package dev.studyboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Over real HTTP (Tomcat), since what matters is what a client sends: a length declared or not. The limit is small
 * here (1KB) so the bodies are; {@link Default} checks the real default against the largest request of the API.
 */
@SpringBootTest(
        classes = WebProblemsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "studyboard.web.max-request-body=1KB")
@DisplayName("The request body limit")
class RequestBodyLimitTest {

    static final int LIMIT = 1024;
    final HttpClient client =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @LocalServerPort
    int port;

    @Nested
    @DisplayName("with a declared length (Content-Length)")
    class Declared {

        @Test
        @DisplayName("passes a body at the limit")
        void atTheLimit() throws Exception {
            var response = post(BodyPublishers.ofByteArray(note(LIMIT)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"length\":" + (LIMIT - "{\"text\":\"\"}".length()) + "}");
        }

        @Test
        @DisplayName("refuses a body one byte over with 413 problem details, unread")
        void oneByteOver() throws Exception {
            var response = post(BodyPublishers.ofByteArray(note(LIMIT + 1)));

            assertTooLarge(response);
        }

        @Test
        @DisplayName("answers 413 even to a body far larger than Tomcat would read to keep the connection")
        void farOver() throws Exception {
            var response = post(BodyPublishers.ofByteArray(note(3 * 1024 * 1024)));

            assertTooLarge(response);
        }
    }

    @Nested
    @DisplayName("without a declared length (Transfer-Encoding: chunked)")
    class Chunked {

        @Test
        @DisplayName("passes a body at the limit, which the service then reads whole")
        void atTheLimit() throws Exception {
            var response = post(chunked(note(LIMIT)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("{\"length\":" + (LIMIT - "{\"text\":\"\"}".length()) + "}");
        }

        @Test
        @DisplayName("refuses a body that grows past the limit with 413 problem details")
        void oneByteOver() throws Exception {
            var response = post(chunked(note(LIMIT + 1)));

            assertTooLarge(response);
        }
    }

    @Nested
    @DisplayName("by default")
    class Default {

        @Test
        @DisplayName("admits the largest import: 1,000,000 characters of notes, 3 bytes each in UTF-8, as JSON")
        void admitsTheLargestImport() {
            var notes = "가".repeat(1_000_000);
            var request = "{\"notes\":\"" + notes + "\",\"authors\":[\"" + "나".repeat(200) + "\"]}";

            var limit = new Binder(new MapConfigurationPropertySource())
                    .bindOrCreate("studyboard.web", WebLimits.class)
                    .maxRequestBody();

            assertThat((long) request.getBytes(StandardCharsets.UTF_8).length).isLessThan(limit.toBytes());
        }
    }

    /** A JSON note of exactly {@code size} bytes. */
    static byte[] note(int size) {
        var json = "{\"text\":\"" + "a".repeat(size - "{\"text\":\"\"}".length()) + "\"}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A body of unknown length: the JDK client sends it chunked. */
    static BodyPublisher chunked(byte[] body) {
        return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
    }

    HttpResponse<String> post(BodyPublisher body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
                .header("Content-Type", "application/json")
                .POST(body)
                .build();
        return client.send(request, BodyHandlers.ofString());
    }

    static void assertTooLarge(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body())
                .contains("\"status\":413", "\"instance\":\"/api/notes\"", "at most " + LIMIT + " bytes");
    }
}
