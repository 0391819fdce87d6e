package dev.studyboard.progress.report;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.CloudEventSender;
import dev.studyboard.testsupport.TestIssuer;
import dev.studyboard.testsupport.TopicRecorder;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reporting store (seed 002, 5.14) and the event data pump that fills it (5.16): members work through the real
 * API, the pump reads progress.events and member.events into the {@code reporting} schema, and the organizer reads
 * the weekly report. The store is checked against the service's own tables, which the pump never reads.
 */
@ProgressIntegrationTest
@DisplayName("The reporting store, fed by the event data pump")
class ReportingTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    final UpstreamEvents upstream = new UpstreamEvents();
    /** Plays progress-service's outbox, for events at a time the API cannot choose. */
    final CloudEventSender outbox = new CloudEventSender("/studyboard/progress-service");

    final UUID bookId = UUID.randomUUID();
    final String asOrganizer = ISSUER.organizer();

    @AfterEach
    void close() {
        upstream.close();
        outbox.close();
    }

    /** The report as a client reads it. */
    record Report(String zone, LocalDate from, LocalDate to, List<Row> rows, List<Total> totals) {}

    record Row(
            UUID memberId,
            String displayName,
            LocalDate weekStart,
            int taken,
            int started,
            int completed,
            int reopened,
            int dropped) {}

    record Total(
            UUID memberId,
            String displayName,
            int taken,
            int started,
            int completed,
            int reopened,
            int dropped,
            int done) {}

    /** A member who joined with an account, and their token; accounts are unique per test (a shared database). */
    record Writer(UUID memberId, String bearer) {}

    private Writer joined(String name) {
        var memberId = UUID.randomUUID();
        var account = name + "-" + memberId;
        upstream.memberJoined(memberId, name, account);
        return new Writer(memberId, ISSUER.member(account));
    }

    private void givenReplicated(List<String> items, Writer... writers) {
        @SuppressWarnings("unchecked")
        Map<String, Object>[] sections =
                items.stream().map(item -> section(item, "절 " + item, null)).toArray(Map[]::new);
        upstream.bookRegistered(bookId, "그림으로 공부하는 마이크로 서비스 구조", List.of(chapter(5, "데이터", sections)));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            http.get()
                    .uri("/api/progress/books/{id}/board", bookId)
                    .exchange()
                    .expectStatus()
                    .isOk();
            for (var writer : writers) {
                http.get()
                        .uri("/api/progress/members/{id}/summary", writer.memberId())
                        .exchange()
                        .expectStatus()
                        .isOk();
            }
        });
    }

    private void step(String item, String step, String bearer) {
        http.post()
                .uri("/api/progress/books/{id}/sections/{item}/{step}", bookId, item, step)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void assign(String item, Writer writer) {
        http.put()
                .uri("/api/progress/books/{id}/sections/{item}/assignee", bookId, item)
                .header(HttpHeaders.AUTHORIZATION, asOrganizer)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("memberId", writer.memberId()))
                .exchange()
                .expectStatus()
                .isOk();
    }

    private void handBack(String item, Writer writer) {
        http.delete()
                .uri("/api/progress/books/{id}/sections/{item}/assignee", bookId, item)
                .header(HttpHeaders.AUTHORIZATION, writer.bearer())
                .exchange()
                .expectStatus()
                .isOk();
    }

    /** @param values the query's URI variables, if any: sent encoded, so a + stays a + */
    private ResponseSpec askReport(String query, String bearer, Object... values) {
        return http.get()
                .uri("/api/progress/reports/weekly" + query, values)
                .headers(headers -> {
                    if (bearer != null) {
                        headers.set(HttpHeaders.AUTHORIZATION, bearer);
                    }
                })
                .exchange();
    }

    private Report report(String query) {
        return askReport(query, asOrganizer)
                .expectStatus()
                .isOk()
                .returnResult(Report.class)
                .getResponseBody();
    }

    private Total totalOf(UUID memberId) {
        return report("").totals().stream()
                .filter(total -> total.memberId().equals(memberId))
                .findFirst()
                .orElse(null);
    }

    private List<Row> rowsOf(UUID memberId, String query) {
        return report(query).rows().stream()
                .filter(row -> row.memberId().equals(memberId))
                .toList();
    }

    /** What the service itself says: the sections a member has done, from its own table. */
    private long doneInService(UUID memberId) {
        return jdbc.sql("SELECT count(*) FROM assignment WHERE assignee = :id AND status = 'DONE'")
                .param("id", memberId)
                .query(Long.class)
                .single();
    }

    /**
     * A section event for {@code memberId}, exactly as progress-service's outbox writes it (docs/events.md), but
     * at {@code time}: the API always acts now.
     */
    private void sectionEvent(String name, UUID memberId, OffsetDateTime time) {
        var section = UUID.randomUUID() + "/1.1";
        var data = new HashMap<String, Object>();
        data.put("bookId", section.substring(0, 36));
        data.put("item", "1.1");
        data.put("memberId", memberId);
        data.put("assignmentVersion", 1);
        data.put("reason", null);
        outbox.again(
                "progress.events",
                CloudEventBuilder.v1()
                        .withId(UUID.randomUUID().toString())
                        .withSource(URI.create("/studyboard/progress-service"))
                        .withType("studyboard.progress." + name)
                        .withSubject(section)
                        .withTime(time)
                        .withDataSchema(URI.create("urn:studyboard:schema:progress." + name + ":v1"))
                        .withDataContentType("application/json")
                        .withData(JSON.writeValueAsBytes(data))
                        .build());
    }

    @Nested
    @DisplayName("matches the service")
    class MatchesTheService {

        @Test
        @DisplayName("members take, start, complete, reopen and hand back sections: every step is counted, and (all"
                + " in the report's weeks, no section removed) each one's done equals the sections DONE in the"
                + " service's own table")
        void countsWhatWasDone() {
            var sanggyeong = joined("이상경");
            var sangcho = joined("김상초");
            var taehyun = joined("김태현");
            givenReplicated(List.of("5.14", "5.15", "5.16", "5.17", "5.18", "5.19"), sanggyeong, sangcho, taehyun);

            // 이상경 completes 5.14; completes 5.15, reopens it and completes it again; takes 5.16 and hands it back.
            step("5.14", "take", sanggyeong.bearer());
            step("5.14", "start", sanggyeong.bearer());
            step("5.14", "complete", sanggyeong.bearer());
            step("5.15", "take", sanggyeong.bearer());
            step("5.15", "start", sanggyeong.bearer());
            step("5.15", "complete", sanggyeong.bearer());
            step("5.15", "reopen", sanggyeong.bearer());
            step("5.15", "complete", sanggyeong.bearer());
            step("5.16", "take", sanggyeong.bearer());
            handBack("5.16", sanggyeong);
            // 김상초 completes 5.17 and reopens it; takes 5.18, which the organizer hands on to 김태현.
            step("5.17", "take", sangcho.bearer());
            step("5.17", "start", sangcho.bearer());
            step("5.17", "complete", sangcho.bearer());
            step("5.17", "reopen", sangcho.bearer());
            step("5.18", "take", sangcho.bearer());
            assign("5.18", taehyun);
            // 김태현 completes 5.18; the organizer gives them 5.19 too, not started yet.
            step("5.18", "start", taehyun.bearer());
            step("5.18", "complete", taehyun.bearer());
            assign("5.19", taehyun);

            await().atMost(TIMEOUT).untilAsserted(() -> {
                assertThat(totalOf(sanggyeong.memberId()))
                        .isEqualTo(new Total(sanggyeong.memberId(), "이상경", 3, 2, 3, 1, 1, 2));
                assertThat(totalOf(sangcho.memberId()))
                        .isEqualTo(new Total(sangcho.memberId(), "김상초", 2, 1, 1, 1, 0, 0));
                assertThat(totalOf(taehyun.memberId()))
                        .isEqualTo(new Total(taehyun.memberId(), "김태현", 2, 1, 1, 0, 0, 1));
            });
            for (var writer : List.of(sanggyeong, sangcho, taehyun)) {
                assertThat((long) totalOf(writer.memberId()).done()).isEqualTo(doneInService(writer.memberId()));
            }
        }

        @Test
        @DisplayName("a redelivered event (the same ce_id) changes nothing")
        void redeliveryChangesNothing() {
            var sanggyeong = joined("이상경");
            givenReplicated(List.of("5.14"), sanggyeong);
            try (var published = CloudEventRecorder.from("progress.events")) {
                step("5.14", "take", sanggyeong.bearer());
                step("5.14", "start", sanggyeong.bearer());
                step("5.14", "complete", sanggyeong.bearer());
                var completed = published.awaitSubject(bookId + "/5.14", 3, TIMEOUT).stream()
                        .map(ConsumerRecord::value)
                        .filter(event -> event.getType().equals("studyboard.progress.section.completed"))
                        .findFirst()
                        .orElseThrow();
                await().atMost(TIMEOUT)
                        .untilAsserted(
                                () -> assertThat(totalOf(sanggyeong.memberId()).completed())
                                        .isOne());

                outbox.again("progress.events", completed);
                // Same section, so same partition: pumped after the redelivery.
                step("5.14", "reopen", sanggyeong.bearer());

                await().atMost(TIMEOUT)
                        .untilAsserted(
                                () -> assertThat(totalOf(sanggyeong.memberId()).reopened())
                                        .isOne());
                assertThat(totalOf(sanggyeong.memberId()))
                        .isEqualTo(new Total(sanggyeong.memberId(), "이상경", 1, 1, 1, 1, 0, 0));
            }
        }
    }

    @Nested
    @DisplayName("counts by week")
    class ByWeek {

        @Test
        @DisplayName("events in two different weeks land in two rows, ordered by week")
        void twoWeeksTwoRows() {
            var sanggyeong = joined("이상경");
            givenReplicated(List.of("5.16"), sanggyeong);

            step("5.16", "take", sanggyeong.bearer());
            sectionEvent(
                    "section.completed",
                    sanggyeong.memberId(),
                    OffsetDateTime.now(ZoneOffset.UTC).minusWeeks(3));

            await().atMost(TIMEOUT)
                    .untilAsserted(
                            () -> assertThat(rowsOf(sanggyeong.memberId(), "")).hasSize(2));
            var rows = rowsOf(sanggyeong.memberId(), "");
            assertThat(rows.get(0).weekStart()).isBefore(rows.get(1).weekStart());
            assertThat(rows.get(0)).extracting(Row::taken, Row::completed).containsExactly(0, 1);
            assertThat(rows.get(1)).extracting(Row::taken, Row::completed).containsExactly(1, 0);
        }

        @Test
        @DisplayName("in the study group's zone: Sunday 23:30 UTC is Monday in Seoul, so it counts in the next week")
        void weeksOfSeoul() {
            var memberId = UUID.randomUUID();
            upstream.memberJoined(memberId, "김상초");

            sectionEvent("section.started", memberId, OffsetDateTime.parse("2026-11-29T14:30:00Z")); // Sun 23:30 KST
            sectionEvent("section.completed", memberId, OffsetDateTime.parse("2026-11-29T23:30:00Z")); // Mon 08:30 KST

            var weeks = "?from=2026-11-23&to=2026-12-06";
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(rowsOf(memberId, weeks))
                            .containsExactly(
                                    new Row(memberId, "김상초", LocalDate.parse("2026-11-23"), 0, 1, 0, 0, 0),
                                    new Row(memberId, "김상초", LocalDate.parse("2026-11-30"), 0, 0, 1, 0, 0)));
            var report = report(weeks);
            assertThat(report.zone()).isEqualTo("Asia/Seoul");
            assertThat(report.from()).isEqualTo("2026-11-23");
            assertThat(report.to()).isEqualTo("2026-12-06");
        }
    }

    @Nested
    @DisplayName("names members as member.events last told")
    class Members {

        private Boolean activeInStore(UUID memberId) {
            // Read as a reporting tool reads it: the reporting schema is the published contract.
            return jdbc.sql("SELECT active FROM reporting.member WHERE member_id = :id")
                    .param("id", memberId)
                    .query(Boolean.class)
                    .optional()
                    .orElse(null);
        }

        @Test
        @DisplayName("a rename shows the new name; an older change that arrives later does not undo it")
        void renamed() {
            var memberId = UUID.randomUUID();
            upstream.memberJoined(memberId, "김태현");
            sectionEvent("section.assigned", memberId, OffsetDateTime.now(ZoneOffset.UTC));
            await().atMost(TIMEOUT)
                    .untilAsserted(
                            () -> assertThat(totalOf(memberId).displayName()).isEqualTo("김태현"));

            upstream.member(
                    memberId, "renamed", Map.of("memberId", memberId, "memberVersion", 2, "displayName", "김태현 (스터디장)"));
            await().atMost(TIMEOUT)
                    .untilAsserted(
                            () -> assertThat(totalOf(memberId).displayName()).isEqualTo("김태현 (스터디장)"));

            // Not a redelivery (a new ce_id), but older than what the store has: ignored. Then they leave.
            upstream.member(
                    memberId, "renamed", Map.of("memberId", memberId, "memberVersion", 1, "displayName", "옛 이름"));
            upstream.member(
                    memberId,
                    "left",
                    Map.of("memberId", memberId, "memberVersion", 3, "leftAt", "2026-12-01T00:00:00Z"));
            await().atMost(TIMEOUT).until(() -> Boolean.FALSE.equals(activeInStore(memberId)));

            assertThat(totalOf(memberId).displayName()).isEqualTo("김태현 (스터디장)");
        }
    }

    @Nested
    @DisplayName("dead-letters what it cannot read")
    class DeadLetters {

        @Test
        @DisplayName("an unreadable record goes to progress.events.dlt, marked as the pump's, and the pump moves on")
        void unreadableRecord() {
            var memberId = UUID.randomUUID();
            var subject = UUID.randomUUID() + "/1.1";
            double before = meters.counter("progress.events.dead.lettered", "topic", "progress.events")
                    .count();
            try (var deadLetters = TopicRecorder.raw("progress.events.dlt")) {
                upstream.garbage("progress.events", subject);

                var dead = deadLetters.awaitKey(subject, TIMEOUT);

                assertThat(new String(dead.value())).isEqualTo("not a CloudEvent");
                assertThat(new String(dead.headers()
                                .lastHeader("kafka_dlt-original-consumer-group")
                                .value()))
                        .isEqualTo("progress-service-reporting");
            }
            await().atMost(TIMEOUT)
                    .untilAsserted(
                            () -> assertThat(meters.counter("progress.events.dead.lettered", "topic", "progress.events")
                                            .count())
                                    .isGreaterThan(before));

            sectionEvent("section.started", memberId, OffsetDateTime.now(ZoneOffset.UTC));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(totalOf(memberId)).isNotNull());
        }
    }

    @Nested
    @DisplayName("refuses a bad question: 400 problem naming the parameter")
    class BadParameters {

        @ParameterizedTest(name = "{0}: {1} {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "?from=2026-13-01                 | from | must be a date as YYYY-MM-DD",
                    "?from=2026-02-30                 | from | must be a date as YYYY-MM-DD",
                    "?to=yesterday                    | to   | must be a date as YYYY-MM-DD",
                    "?from=2026-12-09&to=2026-12-08   | from | must not be after to (2026-12-08)",
                    "?from=2024-11-30&to=2026-12-07   | from | must be at most 106 weeks before to",
                })
        @DisplayName("a date that is none, from after to, or more than 106 weeks")
        void refused(String query, String field, String reason) {
            assertRefused(askReport(query, asOrganizer), field, reason);
        }

        @ParameterizedTest(name = "from={0} to={1}: {2}")
        @CsvSource(
                delimiter = '|',
                value = {
                    "               | -999999999-01-01 | to",
                    "               | +999999999-12-31 | to",
                    "+9999999-01-01 | +9999999-01-02   | from",
                    "               | 0000-12-31       | to",
                })
        @DisplayName("a date outside the years 1 to 9999: Java reads it, but neither a week nor PostgreSQL can hold it")
        void outsideYears(String from, String to, String field) {
            var response = askReport("?from={from}&to={to}", asOrganizer, from, to); // + sent as %2B, not a space

            assertRefused(response, field, "must be a date as YYYY-MM-DD");
        }

        @Test
        @DisplayName("from after today, when to is left out (today, in Seoul)")
        void fromAfterToday() {
            var nextWeek = LocalDate.now(ZoneId.of("Asia/Seoul")).plusWeeks(1);

            assertRefused(askReport("?from=" + nextWeek, asOrganizer), "from", "must not be after to");
        }

        private void assertRefused(ResponseSpec response, String field, String reason) {
            response.expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("Invalid request")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(field)
                    .jsonPath("$.errors[0].reason")
                    .value(String.class, actual -> assertThat(actual).startsWith(reason));
        }

        @Test
        @DisplayName("106 weeks are fine")
        void longestPeriod() {
            var report = report("?from=2024-12-02&to=2026-12-13");

            assertThat(report.from()).isEqualTo("2024-12-02");
            assertThat(report.to()).isEqualTo("2026-12-13");
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"?to=0001-01-01", "?from=0001-01-01&to=0001-01-07", "?from=9999-12-01&to=9999-12-31"})
        @DisplayName("the first and the last days YYYY-MM-DD writes are fine (an empty report)")
        void edgesOfTheYears(String query) {
            assertThat(report(query).rows()).isEmpty();
        }
    }

    @Nested
    @DisplayName("is the organizer's")
    class Access {

        @Test
        @DisplayName("without a token: 401 problem with WWW-Authenticate, whatever the method")
        void noToken() {
            askReport("", null)
                    .expectStatus()
                    .isUnauthorized()
                    .expectHeader()
                    .value(
                            HttpHeaders.WWW_AUTHENTICATE,
                            value -> assertThat(value).startsWith("Bearer"))
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            http.head()
                    .uri("/api/progress/reports/weekly")
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
        }

        @Test
        @DisplayName("a member, the demo-loader and the synthetic check: 403 problem")
        void notTheOrganizer() {
            for (var bearer : List.of(
                    ISSUER.member("reader-" + UUID.randomUUID()),
                    ISSUER.client("demo-loader", "catalog.write", "members.write", "progress.write", "imports.write"),
                    ISSUER.client("synthetic-check", "studyboard.read"))) {
                askReport("", bearer)
                        .expectStatus()
                        .isEqualTo(HttpStatus.FORBIDDEN)
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
            }
        }

        @Test
        @DisplayName("the organizer: 200, by default the last 8 weeks, in Seoul's weeks")
        void organizer() {
            var report = report("");

            assertThat(report.zone()).isEqualTo("Asia/Seoul");
            assertThat(report.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(report.to()).isEqualTo(report.from().plusWeeks(8).minusDays(1));
        }
    }
}
