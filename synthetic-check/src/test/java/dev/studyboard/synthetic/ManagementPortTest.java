package dev.studyboard.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The long-running check serves its actuator on the management port only, and nothing on its own port. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "management.server.port=0",
            "studyboard.synthetic.interval=1h",
            "spring.security.oauth2.client.registration.synthetic-check.client-secret=unused"
        })
@DisplayName("The synthetic check's ports")
class ManagementPortTest {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    private static int status(int port, String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    @Test
    @DisplayName("the management port answers health and Prometheus's scrape without a token (the network guards it)")
    void managementPort() throws Exception {
        assertThat(status(managementPort, "/actuator/health/readiness")).isEqualTo(200);
        assertThat(status(managementPort, "/actuator/prometheus")).isEqualTo(200);
    }

    @Test
    @DisplayName("the application's port serves no actuator and nothing else: every request is refused")
    void applicationPort() throws Exception {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(status(port, "/actuator/health")).isEqualTo(403);
        assertThat(status(port, "/actuator/prometheus")).isEqualTo(403);
        assertThat(status(port, "/")).isEqualTo(403);
    }
}
