package dev.studyboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
        classes = WebProblemsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "studyboard.web.max-request-body=1KB")
@DisplayName("A write that fails in the database")
class DatabaseOutageProblemsTest {

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    static Stream<String> outages() {
        return WebProblemsTestApplication.Failures.OUTAGES.keySet().stream().sorted();
    }

    static Stream<String> notOutages() {
        return WebProblemsTestApplication.Failures.NOT_OUTAGES.keySet().stream().sorted();
    }

    private HttpResponse<String> write(String kind) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/failures/" + kind))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}"))
                .build();
        return client.send(request, BodyHandlers.ofString());
    }

    @Nested
    @DisplayName("because the database cannot be reached")
    class DatabaseUnreachable {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.studyboard.web.DatabaseOutageProblemsTest#outages")
        @DisplayName(
                "503 problem details with Retry-After: could not be completed, try again; nothing of the failure told")
        void serviceUnavailable(String kind) throws Exception {
            var response = write(kind);

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(response.headers().firstValue("Retry-After")).hasValue("5");
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body())
                    .contains(
                            "\"status\":503",
                            "\"title\":\"Service Unavailable\"",
                            "cannot reach its database",
                            "could not be completed",
                            "\"instance\":\"/api/failures/" + kind + "\"")
                    .doesNotContain("SQL", "secret", "Hikari", "Exception", "java.", "COMMIT", "FATAL");
        }
    }

    @Nested
    @DisplayName("for another reason")
    class OtherFailures {

        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.studyboard.web.DatabaseOutageProblemsTest#notOutages")
        @DisplayName("still 500 problem details: a bug is not passed off as an outage")
        void internalServerError(String kind) throws Exception {
            var response = write(kind);

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.headers().firstValue("Retry-After")).isEmpty();
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
            assertThat(response.body()).contains("\"status\":500").doesNotContain("SQL", "secret", "Exception");
        }
    }
}
