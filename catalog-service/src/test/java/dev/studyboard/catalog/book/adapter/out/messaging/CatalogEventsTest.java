package dev.studyboard.catalog.book.adapter.out.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.catalog.CatalogIntegrationTest;
import dev.studyboard.catalog.book.application.BookRegistration;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.KafkaOutage;
import dev.studyboard.testsupport.TestIssuer;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Transactional outbox, end to end: what commits reaches {@code catalog.events}; what rolls back never does. */
@CatalogIntegrationTest
@DisplayName("catalog.events")
class CatalogEventsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    @Autowired
    BookRegistration registration;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Autowired
    JsonMapper json;

    /** The organizer, who may change the catalog. */
    RestTestClient asOrganizer;

    CloudEventRecorder events;

    @BeforeEach
    void recordCatalogEvents() {
        events = CloudEventRecorder.from("catalog.events");
        asOrganizer = http.mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .build();
    }

    @AfterEach
    void stopRecording() {
        events.close();
    }

    private String registerBook(String title) {
        var body = """
                {"title": "%s", "authors": ["Sam Newman"],
                 "chapters": [{"number": 4, "title": "통합", "sections": [{"item": "4.8", "title": "비동기 이벤트 기반 협업", "page": 118}]}]}
                """.formatted(title);
        var location = asOrganizer
                .post()
                .uri("/api/catalog/books")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isCreated()
                .returnResult(String.class)
                .getResponseHeaders()
                .getLocation();
        return location.getPath().substring(location.getPath().lastIndexOf('/') + 1);
    }

    private void renameChapter(String bookId, String title) {
        asOrganizer
                .put()
                .uri("/api/catalog/books/{id}/chapters/4", bookId)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"title\": \"" + title + "\"}")
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    @DisplayName("a committed change arrives once, keyed by book id, as a CloudEvent with its data")
    void committedChangeArrivesOnce() {
        var bookId = registerBook("Building Microservices");
        renameChapter(bookId, "통합하기"); // same key, so it comes after the registration on the same partition

        var received = events.awaitSubject(bookId, 2, TIMEOUT);

        assertThat(received)
                .extracting(r -> r.value().getType())
                .containsExactly("studyboard.catalog.book.registered", "studyboard.catalog.chapter.renamed");
        var registered = received.get(0);
        assertThat(registered.key()).isEqualTo(bookId);
        CloudEvent event = registered.value();
        assertThat(event.getSource()).isEqualTo(URI.create("/studyboard/catalog-service"));
        assertThat(event.getSubject()).isEqualTo(bookId);
        assertThat(event.getId()).isNotBlank();
        assertThat(event.getTime()).isNotNull();
        assertThat(event.getDataSchema()).isEqualTo(URI.create("urn:studyboard:schema:catalog.book.registered:v1"));
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        var data = json.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
        assertThat(data.get("bookId").asString()).isEqualTo(bookId);
        assertThat(data.get("bookVersion").asLong()).isEqualTo(1);
        assertThat(data.at("/chapters/0/sections/0/item").asString()).isEqualTo("4.8");
        assertThat(received.get(1).value().getId()).isNotEqualTo(event.getId());
        assertThat(registered.headers().lastHeader("ce_specversion"))
                .as("binary mode: attributes as headers")
                .isNotNull();
    }

    @Test
    @DisplayName("a rolled-back change is never published")
    void rolledBackChangeIsNeverPublished() {
        var rolledBack = transaction.execute(status -> {
            var book = registration.register(
                    "Never committed", List.of("Nobody"), null, null, List.of(new Chapter(1, "one")));
            status.setRollbackOnly();
            return book.id().toString();
        });
        var committed = registerBook("Committed afterwards");
        renameChapter(committed, "later"); // both of its events out means the relay has passed the rolled-back one

        var received = events.awaitSubject(committed, 2, TIMEOUT);

        assertThat(received).hasSize(2);
        assertThat(events.drainFor(Duration.ZERO)).noneMatch(r -> rolledBack.equals(r.key()));
        assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id")
                        .param("id", rolledBack)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    @DisplayName("while Kafka is down changes still commit; their events go out when it is back")
    void survivesKafkaOutage() {
        double failuresBefore = meters.counter("outbox.publish.failures").count();
        String bookId;
        try (var outage = KafkaOutage.begin()) {
            bookId = registerBook("Written while Kafka is down");

            assertThat(unpublished(bookId))
                    .as("committed, waiting in the outbox")
                    .isEqualTo(1);
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(
                                    meters.counter("outbox.publish.failures").count())
                            .as("the relay tried and Kafka did not answer")
                            .isGreaterThan(failuresBefore));
            assertThat(unpublished(bookId)).isEqualTo(1);
            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(meters.get("outbox.backlog").gauge().value())
                        .as("backlog metric")
                        .isGreaterThanOrEqualTo(1);
                assertThat(meters.get("outbox.oldest.unpublished.age")
                                .timeGauge()
                                .value(TimeUnit.MILLISECONDS))
                        .as("oldest unpublished age metric")
                        .isPositive();
            });
        }

        List<ConsumerRecord<String, CloudEvent>> received = events.awaitSubject(bookId, 1, Duration.ofSeconds(60));

        assertThat(received).extracting(r -> r.value().getType()).contains("studyboard.catalog.book.registered");
        await().atMost(TIMEOUT).until(() -> unpublished(bookId) == 0);
        await().atMost(TIMEOUT)
                .untilAsserted(
                        () -> assertThat(meters.get("outbox.backlog").gauge().value())
                                .as("backlog metric after Kafka is back")
                                .isZero());
    }

    private long unpublished(String bookId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id AND published_at IS NULL")
                .param("id", bookId)
                .query(Long.class)
                .single();
    }
}
