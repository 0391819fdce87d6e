package dev.studyboard.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(
        classes = WebProblemsTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "studyboard.web.max-request-body=1KB")
@DisplayName("A value of the wrong type in a body")
class InvalidRequestProblemsTest {

    final HttpClient client = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"text\": {}}      | must be text",
                "{\"text\": [1, 2]}  | must be text",
            })
    @DisplayName("400 naming the field and the JSON it takes, never the Java class it is read into")
    void wrongType(String body, String reason) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(body))
                .build();

        var response = client.send(request, BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body())
                .contains("\"field\":\"text\"", "\"reason\":\"" + reason + "\"")
                .doesNotContain("java.", "dev.studyboard", "`");
    }
}
