package dev.studyboard.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.TestIssuer;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

/** What an operator sees of catalog-service: its audit log, its health and its metrics. */
@CatalogIntegrationTest
@DisplayName("Observing catalog-service")
class ObservabilityTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Autowired
    RestTestClient http;

    /** The actuator, on its own port (management.server.port), as Prometheus and the probes reach it. */
    RestTestClient management;

    @BeforeEach
    void connectToManagementPort(@LocalManagementPort int port) {
        management = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    private void registerBook() {
        http.post()
                .uri("/api/catalog/books")
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .contentType(MediaType.APPLICATION_JSON)
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .body("""
                        {"title": "Observed %s", "authors": ["Sam Newman"], "chapters": [
                          {"number": 8, "title": "모니터링", "sections": [{"item": "8.7", "title": "합성 모니터링", "page": 297}]}]}
                        """.formatted(UUID.randomUUID()))
                .exchange()
                .expectStatus()
                .isCreated();
    }

    private String scrape() {
        return management
                .get()
                .uri("/actuator/prometheus")
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseBody();
    }

    /** The sum of every series of that name (one per tag combination). */
    private static double value(String scrape, String name) {
        var line = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{[^}]*})? (\\S+)$", Pattern.MULTILINE)
                .matcher(scrape);
        double sum = 0;
        boolean found = false;
        while (line.find()) {
            sum += Double.parseDouble(line.group(1));
            found = true;
        }
        assertThat(found).as("series named %s in the scrape", name).isTrue();
        return sum;
    }

    @Nested
    @DisplayName("audit log")
    @ExtendWith(OutputCaptureExtension.class)
    class AuditLog {

        @Test
        @DisplayName("records a state-changing request: who (the token's subject), what, the outcome and the trace id")
        void recordsWrites(CapturedOutput output) {
            registerBook();

            assertThat(output.getOut())
                    .containsPattern("audit +: POST /api/catalog/books by organizer -> 201 in \\d+ ms \\(trace "
                            + TRACE_ID + "\\)");
        }

        @Test
        @DisplayName("records a refused write too: an anonymous caller and 401")
        void recordsRefusedWrites(CapturedOutput output) {
            http.delete()
                    .uri("/api/catalog/books/{id}", UUID.randomUUID())
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();

            // the response is committed before the audit filter writes its line
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(output.getOut())
                            .containsPattern("audit +: DELETE /api/catalog/books/\\S+ by anonymous@\\S+ -> 401"));
        }

        @Test
        @DisplayName("leaves reads out")
        void ignoresReads(CapturedOutput output) {
            http.get().uri("/api/catalog/books").exchange().expectStatus().isOk();

            assertThat(output.getOut()).doesNotContain("GET /api/catalog/books by");
        }
    }

    @Nested
    @DisplayName("health")
    class Health {

        @Test
        @DisplayName("shows the database and Kafka, with the broker's cluster id, on the management port")
        void showsDependencies() {
            management
                    .get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.components.db.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components.kafka.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components.kafka.details.clusterId")
                    .isNotEmpty();
        }

        @Test
        @DisplayName("is ready with its database; Kafka is not a readiness condition (the outbox waits for it)")
        void readinessNeedsTheDatabaseOnly() {
            management
                    .get()
                    .uri("/actuator/health/readiness")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.components.db.status")
                    .isEqualTo("UP")
                    .jsonPath("$.components.kafka")
                    .doesNotExist();
            management
                    .get()
                    .uri("/actuator/health/liveness")
                    .exchange()
                    .expectStatus()
                    .isOk();
        }

        @Test
        @DisplayName("is not served on the API's port: no rule there lets the actuator through (401, then 403)")
        void notOnTheApiPort() {
            http.get()
                    .uri("/actuator/health")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            http.get()
                    .uri("/actuator/prometheus")
                    .header(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }
    }

    @Nested
    @DisplayName("metrics in Prometheus' format")
    class Metrics {

        @Test
        @DisplayName("count events written and published and time the relay, and move when a book is registered")
        void outboxMetricsMove() {
            double written = value(scrape(), "outbox_events_written_total");
            double published = value(scrape(), "outbox_events_published_total");

            registerBook();

            assertThat(value(scrape(), "outbox_events_written_total")).isEqualTo(written + 1);
            await().atMost(Duration.ofSeconds(30))
                    .untilAsserted(() -> assertThat(value(scrape(), "outbox_events_published_total"))
                            .isGreaterThan(published));
            var scrape = scrape();
            assertThat(value(scrape, "outbox_relay_seconds_count")).isPositive();
            assertThat(value(scrape, "spring_kafka_template_seconds_count")).isPositive();
            assertThat(scrape)
                    .contains(
                            "outbox_backlog",
                            "outbox_oldest_unpublished_age_seconds",
                            "http_server_requests_seconds_bucket",
                            "application=\"catalog-service\"");
        }
    }
}
