package dev.studyboard.progress.replica;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.testsupport.TopicRecorder;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Replicas built only from catalog.events and member.events, by an idempotent consumer. */
@ProgressIntegrationTest
@DisplayName("Replication from other services' events")
class ReplicationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @LocalManagementPort
    int managementPort;

    final UpstreamEvents upstream = new UpstreamEvents();

    @AfterEach
    void close() {
        upstream.close();
    }

    private String sectionTitle(UUID bookId, String item) {
        return jdbc.sql("SELECT title FROM section_replica WHERE book_id = :id AND item = :item")
                .param("id", bookId)
                .param("item", item)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private long processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                .param("id", eventId)
                .query(Long.class)
                .single();
    }

    @Nested
    @DisplayName("of the catalog")
    class Catalog {

        @Test
        @DisplayName("a registered book appears on the board with its chapters and sections")
        void registeredBookAppears() {
            var bookId = UUID.randomUUID();

            upstream.bookRegistered(
                    bookId,
                    "그림으로 공부하는 마이크로 서비스 구조",
                    List.of(chapter(
                            3,
                            "마이크로서비스 아키텍처의 기본",
                            section("3.1", "서비스 구조", 44),
                            section("3.10", "가상의 절", null),
                            section("3.2", "레이어 아키텍처", 45))));

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> http.get()
                            .uri("/api/progress/books/{id}/board", bookId)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.title")
                            .isEqualTo("그림으로 공부하는 마이크로 서비스 구조")
                            .jsonPath("$.chapters[0].rows[*].item")
                            .isEqualTo(List.of("3.1", "3.2", "3.10"))
                            .jsonPath("$.chapters[0].rows[0].status")
                            .isEqualTo("TODO"));
        }

        @Test
        @DisplayName("a duplicate delivery of the same event changes nothing")
        void duplicatesAreHarmless() {
            var bookId = UUID.randomUUID();
            upstream.bookRegistered(bookId, "Building Microservices", List.of(chapter(4, "통합")));
            var added = upstream.catalog(
                    bookId,
                    "section.added",
                    Map.of(
                            "bookId",
                            bookId,
                            "bookVersion",
                            2,
                            "chapterNumber",
                            4,
                            "section",
                            section("4.8", "비동기 이벤트 기반의 협업 구현", 118)));
            await().atMost(TIMEOUT).until(() -> sectionTitle(bookId, "4.8") != null);

            upstream.again(added);
            upstream.again(added);
            var marker = upstream.catalog(
                    bookId,
                    "chapter.renamed",
                    Map.of("bookId", bookId, "bookVersion", 3, "chapterNumber", 4, "title", "통합하기"));
            await().atMost(TIMEOUT)
                    .until(() -> processed(UUID.fromString(marker.event().getId())) == 1);

            assertThat(processed(UUID.fromString(added.event().getId()))).isOne();
            assertThat(jdbc.sql("SELECT count(*) FROM section_replica WHERE book_id = :id")
                            .param("id", bookId)
                            .query(Long.class)
                            .single())
                    .isOne();
        }

        @Test
        @DisplayName("an out-of-date event never overwrites newer state")
        void outOfDateIgnored() {
            var bookId = UUID.randomUUID();
            upstream.bookRegistered(bookId, "Book", List.of(chapter(4, "통합", section("4.7", "REST", 100))));
            upstream.catalog(
                    bookId,
                    "section.revised",
                    Map.of(
                            "bookId",
                            bookId,
                            "bookVersion",
                            2,
                            "chapterNumber",
                            4,
                            "section",
                            section("4.7", "REST (v2)", 100)));
            upstream.catalog(
                    bookId,
                    "section.revised",
                    Map.of(
                            "bookId",
                            bookId,
                            "bookVersion",
                            3,
                            "chapterNumber",
                            4,
                            "section",
                            section("4.7", "REST (newest)", 101)));

            var stale = upstream.catalog(
                    bookId,
                    "section.revised",
                    Map.of(
                            "bookId",
                            bookId,
                            "bookVersion",
                            2,
                            "chapterNumber",
                            4,
                            "section",
                            section("4.7", "REST (older)", 100)));
            await().atMost(TIMEOUT)
                    .until(() -> processed(UUID.fromString(stale.event().getId())) == 1);

            assertThat(sectionTitle(bookId, "4.7")).isEqualTo("REST (newest)");
        }

        @Test
        @DisplayName("a removed book leaves the board and a late redelivery cannot bring it back")
        void removedBookStaysRemoved() {
            var bookId = UUID.randomUUID();
            var registered = upstream.bookRegistered(bookId, "Gone", List.of(chapter(1, "one")));
            upstream.catalog(bookId, "book.removed", Map.of("bookId", bookId, "bookVersion", 2));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> http.get()
                            .uri("/api/progress/books/{id}/board", bookId)
                            .exchange()
                            .expectStatus()
                            .isNotFound());

            var marker = upstream.catalog(
                    bookId,
                    "chapter.renamed",
                    Map.of("bookId", bookId, "bookVersion", 3, "chapterNumber", 1, "title", "x"));
            upstream.again(registered);
            await().atMost(TIMEOUT)
                    .until(() -> processed(UUID.fromString(marker.event().getId())) == 1);

            http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }

    @Nested
    @DisplayName("metrics")
    class Metrics {

        private double consumed(String topic) {
            var timer = meters.find("spring.kafka.listener")
                    .tag("messaging.source.name", topic)
                    .timer();
            return timer == null ? 0 : timer.count();
        }

        @Test
        @DisplayName(
                "time every consumed event and report the consumer's lag, on /actuator/prometheus (management port) too")
        void consumerMetricsMove() {
            double before = consumed("catalog.events");

            upstream.bookRegistered(
                    UUID.randomUUID(), "Observed", List.of(chapter(8, "모니터링", section("8.4", "상관관계 ID", 282))));

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(consumed("catalog.events")).isGreaterThan(before));
            var actuator = RestTestClient.bindToServer()
                    .baseUrl("http://localhost:" + managementPort)
                    .build();
            var scrape = actuator.get()
                    .uri("/actuator/prometheus")
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseBody();
            assertThat(scrape)
                    .contains(
                            "spring_kafka_listener_seconds_bucket",
                            "kafka_consumer_fetch_manager_records_lag_max",
                            "progress_events_dead_lettered_total");
        }
    }

    @Nested
    @DisplayName("dead letters")
    class DeadLetters {

        @Test
        @DisplayName("a poison message lands in the dead-letter topic while later messages still flow")
        void poisonMessageIsDeadLettered() {
            var bookId = UUID.randomUUID();
            double deadLetteredBefore = meters.counter("progress.events.dead.lettered", "topic", "catalog.events")
                    .count();
            try (var deadLetters = TopicRecorder.raw("catalog.events.dlt")) {
                upstream.garbage("catalog.events", bookId.toString());
                upstream.bookRegistered(bookId, "After the poison", List.of(chapter(1, "one")));

                await().atMost(TIMEOUT)
                        .untilAsserted(() -> http.get()
                                .uri("/api/progress/books/{id}/board", bookId)
                                .exchange()
                                .expectStatus()
                                .isOk());
                var dead = deadLetters.awaitKey(bookId.toString(), TIMEOUT);
                assertThat(new String(dead.value())).isEqualTo("not a CloudEvent");
                assertThat(dead.headers().lastHeader("kafka_dlt-exception-fqcn"))
                        .isNotNull();
                await().atMost(TIMEOUT)
                        .untilAsserted(() -> assertThat(
                                        meters.counter("progress.events.dead.lettered", "topic", "catalog.events")
                                                .count())
                                .isGreaterThan(deadLetteredBefore));
            }
        }

        @Test
        @DisplayName("an event that skips a version is retried, then dead-lettered: the replica never jumps a change")
        void versionGapIsDeadLettered() {
            var bookId = UUID.randomUUID();
            upstream.bookRegistered(bookId, "Gap", List.of(chapter(1, "one")));
            try (var deadLetters = TopicRecorder.raw("catalog.events.dlt")) {
                upstream.catalog(
                        bookId,
                        "chapter.renamed",
                        Map.of("bookId", bookId, "bookVersion", 3, "chapterNumber", 1, "title", "skipped version 2"));

                var dead = deadLetters.awaitKey(bookId.toString(), TIMEOUT);

                assertThat(new String(dead.headers()
                                .lastHeader("kafka_dlt-exception-message")
                                .value()))
                        .contains("a change is missing");
                http.get()
                        .uri("/api/progress/books/{id}/board", bookId)
                        .exchange()
                        .expectBody()
                        .jsonPath("$.chapters[0].title")
                        .isEqualTo("one");
            }
        }

        @Test
        @DisplayName("an event about a book never registered is retried, then dead-lettered; the partition moves on")
        void gapIsDeadLettered() {
            var unknownBook = UUID.randomUUID();
            try (var deadLetters = TopicRecorder.raw("catalog.events.dlt")) {
                upstream.catalog(
                        unknownBook,
                        "chapter.renamed",
                        Map.of("bookId", unknownBook, "bookVersion", 5, "chapterNumber", 1, "title", "orphan"));

                var dead = deadLetters.awaitKey(unknownBook.toString(), TIMEOUT);

                assertThat(new String(dead.headers()
                                .lastHeader("kafka_dlt-exception-message")
                                .value()))
                        .contains("never seen");
            }
        }
    }

    @Nested
    @DisplayName("of the members")
    class Members {

        @Test
        @DisplayName("a joined member can be looked up; a rename replaces the name")
        void joinedAndRenamed() {
            var memberId = UUID.randomUUID();
            upstream.memberJoined(memberId, "김태현");
            upstream.member(
                    memberId, "renamed", Map.of("memberId", memberId, "memberVersion", 2, "displayName", "김태현 (스터디장)"));

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> http.get()
                            .uri("/api/progress/members/{id}/summary", memberId)
                            .exchange()
                            .expectStatus()
                            .isOk()
                            .expectBody()
                            .jsonPath("$.displayName")
                            .isEqualTo("김태현 (스터디장)"));
        }

        @Test
        @DisplayName("a joined member's account (who signs in as them) is kept; their e-mail never is (seed 002 9.6)")
        void accountKeptEmailNot() {
            var memberId = UUID.randomUUID();
            var account = "taehyun-" + memberId;
            upstream.member(
                    memberId,
                    "joined",
                    Map.of(
                            "memberId",
                            memberId,
                            "memberVersion",
                            1,
                            "displayName",
                            "김태현",
                            "email",
                            "taehyun@example.com", // as an older member-service still published it
                            "account",
                            account,
                            "joinedAt",
                            "2026-11-28T00:00:00Z"));

            await().atMost(TIMEOUT).until(() -> replicated(memberId) != null);

            assertThat(replicated(memberId))
                    .containsEntry("account", account)
                    .doesNotContainValue("taehyun@example.com");
        }

        @Test
        @DisplayName("a joined event from before accounts existed still applies: the member has no account")
        void joinedWithoutAccount() {
            var memberId = UUID.randomUUID();

            upstream.memberJoined(memberId, "김상초");

            await().atMost(TIMEOUT).until(() -> replicated(memberId) != null);
            assertThat(replicated(memberId))
                    .containsEntry("display_name", "김상초")
                    .containsEntry("account", null);
        }

        private Map<String, Object> replicated(UUID memberId) {
            return jdbc
                    .sql("SELECT * FROM member_replica WHERE member_id = :id")
                    .param("id", memberId)
                    .query()
                    .listOfRows()
                    .stream()
                    .findFirst()
                    .orElse(null);
        }
    }
}
