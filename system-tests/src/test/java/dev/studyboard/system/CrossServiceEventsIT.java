package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.SharedContainers;
import dev.studyboard.testsupport.TopicRecorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * Events produced by the real catalog-service and member-service (their real outbox relays) reach
 * progress-service's replicas over real Kafka; duplicates are harmless; poison goes to the dead-letter topic.
 */
@DisplayName("Events between the real services")
class CrossServiceEventsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    // Writes as the demo loader does (a machine client with catalog.write, members.write and progress.write).
    private final RestClient catalog = StudyBoardSystem.asDemoLoader(StudyBoardSystem.CATALOG);
    private final RestClient members = StudyBoardSystem.asDemoLoader(StudyBoardSystem.MEMBERS);
    private final RestClient progress = StudyBoardSystem.asDemoLoader(StudyBoardSystem.PROGRESS);
    private final KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedContainers.KAFKA.getBootstrapServers()),
            new StringSerializer(),
            new ByteArraySerializer());

    @AfterEach
    void close() {
        producer.close();
    }

    private UUID registerBook() {
        var book = catalog.post()
                .uri("/api/catalog/books")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "title",
                        "Building Microservices " + UUID.randomUUID(),
                        "authors",
                        List.of("Sam Newman"),
                        "chapters",
                        List.of(Map.of(
                                "number",
                                4,
                                "title",
                                "통합",
                                "sections",
                                List.of(
                                        Map.of("item", "4.8", "title", "비동기 이벤트 기반의 협업 구현", "page", 118),
                                        Map.of("item", "4.9", "title", "상태 기계로서의 서비스", "page", 121))))))
                .retrieve()
                .body(JsonNode.class);
        return UUID.fromString(book.get("id").asString());
    }

    private UUID addMember(String name) {
        var member = members.post()
                .uri("/api/members")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("displayName", name))
                .retrieve()
                .body(JsonNode.class);
        return UUID.fromString(member.get("id").asString());
    }

    private JsonNode board(UUID bookId) {
        return progress.get()
                .uri("/api/progress/books/{id}/board", bookId)
                .retrieve()
                .body(JsonNode.class);
    }

    private JsonNode assignment(UUID bookId, String item) {
        return progress.get()
                .uri("/api/progress/books/{id}/sections/{item}", bookId, item)
                .retrieve()
                .body(JsonNode.class);
    }

    @Test
    @DisplayName("catalog changes and member changes end up in progress-service's replicas")
    void replicasFollowTheOwners() {
        var bookId = registerBook();
        var memberId = addMember("김상초");
        await().atMost(TIMEOUT)
                .ignoreExceptions()
                .until(() -> board(bookId).at("/chapters/0/rows").size() == 2);

        catalog.put()
                .uri("/api/catalog/books/{id}/chapters/4/sections/4.8", bookId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("title", "비동기 협업", "page", 119))
                .retrieve()
                .toBodilessEntity();
        progress.put()
                .uri("/api/progress/books/{id}/sections/4.9/assignee", bookId)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("memberId", memberId))
                .retrieve()
                .toBodilessEntity();
        members.post().uri("/api/members/{id}/leave", memberId).retrieve().toBodilessEntity();

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(board(bookId).at("/chapters/0/rows/0/title").asString()).isEqualTo("비동기 협업");
            assertThat(assignment(bookId, "4.9").path("assignee").isNull())
                    .as("released: the member left")
                    .isTrue();
        });
    }

    @Test
    @DisplayName("a duplicate delivery of a real event changes nothing")
    void duplicateIsHarmless() {
        var bookId = registerBook();
        try (var catalogEvents = TopicRecorder.raw("catalog.events")) {
            catalog.delete()
                    .uri("/api/catalog/books/{id}/chapters/4/sections/4.9", bookId)
                    .retrieve()
                    .toBodilessEntity();
            var removal = catalogEvents.awaitKey(bookId.toString(), TIMEOUT);
            await().atMost(TIMEOUT)
                    .ignoreExceptions()
                    .until(() -> board(bookId).at("/chapters/0/rows").size() == 1);
            var before = board(bookId);

            producer.send(
                    new ProducerRecord<>("catalog.events", null, removal.key(), removal.value(), removal.headers()));
            producer.flush();
            catalog.put()
                    .uri("/api/catalog/books/{id}/chapters/4", bookId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("title", "통합하기"))
                    .retrieve()
                    .toBodilessEntity();

            await().atMost(TIMEOUT)
                    .until(() ->
                            "통합하기".equals(board(bookId).at("/chapters/0/title").asString()));
            assertThat(board(bookId).at("/chapters/0/rows")).isEqualTo(before.at("/chapters/0/rows"));
        }
    }

    @Test
    @DisplayName("a poison message lands in the dead-letter topic while later messages still flow")
    void poisonIsDeadLettered() {
        var poisonKey = UUID.randomUUID().toString();
        try (var deadLetters = TopicRecorder.raw("member.events.dlt")) {
            producer.send(new ProducerRecord<>(
                    "member.events", poisonKey, "{\"not\": \"a cloudevent\"}".getBytes(StandardCharsets.UTF_8)));
            producer.flush();
            var memberId = addMember("김태현");

            var dead = deadLetters.awaitKey(poisonKey, TIMEOUT);
            await().atMost(TIMEOUT)
                    .ignoreExceptions()
                    .untilAsserted(() -> assertThat(progress.get()
                                    .uri("/api/progress/members/{id}/summary", memberId)
                                    .retrieve()
                                    .body(JsonNode.class)
                                    .get("displayName")
                                    .asString())
                            .isEqualTo("김태현"));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("not");
        }
    }
}
