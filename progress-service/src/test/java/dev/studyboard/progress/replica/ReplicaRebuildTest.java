package dev.studyboard.progress.replica;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.progress.replica.api.ReplicatedData;
import dev.studyboard.testsupport.TestIssuer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.client.RestTestClient.ResponseSpec;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Backup data pump (seed 002, 5.18): the replicas rebuilt from the retained topics, an operator's action on the
 * management port. Every test uses books and members of its own; a rebuild replays the whole topics, other tests'
 * events too, and must leave those replicas as they were as well.
 */
@ProgressIntegrationTest
@DisplayName("Rebuilding the replicas from the retained topics")
class ReplicaRebuildTest {

    /**
     * Threads of their own for the request held in flight and the rebuild that waits for it: the common pool may have
     * a single thread on a 2-core machine, and the rebuild would then queue behind the request it waits for.
     */
    private static final ExecutorService BACKGROUND = Executors.newCachedThreadPool();

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String ORGANIZER = TestIssuer.shared().organizer();

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReplicatedData replicas;

    @Autowired
    TransactionTemplate transactions;

    @LocalManagementPort
    int managementPort;

    final UpstreamEvents upstream = new UpstreamEvents();
    final UUID bookId = UUID.randomUUID();
    final UUID removedBookId = UUID.randomUUID();
    final UUID 이상경 = UUID.randomUUID();
    final UUID 김상초 = UUID.randomUUID();
    final UUID 김태현 = UUID.randomUUID();
    final List<UUID> applied = new ArrayList<>();

    @AfterEach
    void close() {
        upstream.close();
    }

    @Nested
    @DisplayName("POST /actuator/replicas")
    class Rebuild {

        @Test
        @DisplayName("repairs replicas that drifted: they equal the originals, and the work on the board is unchanged")
        void rebuiltEqualsOriginals() {
            givenAHistory();
            var originals = replicaRows();
            var work = assignmentRows();
            var announcedWork = outboxEvents();
            givenTheReplicasDrifted();

            rebuild()
                    .expectStatus()
                    .isOk()
                    .expectBody()
                    .jsonPath("$.recordsRead")
                    .value(Integer.class, read -> assertThat(read).isGreaterThanOrEqualTo(applied.size()))
                    .jsonPath("$.eventsSkipped") // our version gap and unreadable record, at least
                    .value(Integer.class, skipped -> assertThat(skipped).isGreaterThanOrEqualTo(2));

            assertThat(replicaRows()).isEqualTo(originals);
            assertThat(assignmentRows()).isEqualTo(work);
            assertThat(outboxEvents()).isEqualTo(announcedWork);
        }

        @Test
        @DisplayName("waits for requests in flight, and refuses a second rebuild meanwhile: 409 problem")
        void secondRebuildRefused() throws Exception {
            var requestInFlight = requestAnsweredFromTheReplicas();
            var first =
                    CompletableFuture.runAsync(() -> rebuild().expectStatus().isOk(), BACKGROUND);
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> status().jsonPath("$.rebuilding").isEqualTo(true));

            rebuild()
                    .expectStatus()
                    .isEqualTo(409)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.detail")
                    .value(String.class, detail -> assertThat(detail).contains("rebuilt already"));
            assertThat(first).isNotDone();

            requestInFlight.countDown();
            first.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            status().jsonPath("$.rebuilding").isEqualTo(false);
        }

        @Test
        @DisplayName("applies an event that comes while it runs once, with what follows: the work on a removed section"
                + " goes")
        void eventDuringRebuild() throws Exception {
            upstream.bookRegistered(
                    bookId, "Building Microservices", List.of(chapter(9, "보안", section("9.1", "인증", 300))));
            upstream.memberJoined(이상경, "이상경", "sanggyeong-" + 이상경);
            await().atMost(TIMEOUT).until(() -> replicas.member(이상경).isPresent());
            assign("9.1", 이상경);
            var requestInFlight = requestAnsweredFromTheReplicas();
            var rebuilt =
                    CompletableFuture.runAsync(() -> rebuild().expectStatus().isOk(), BACKGROUND);
            await().atMost(TIMEOUT).until(() -> waitingForTheReplicasLock() > 0);

            // The listener gets this event now, and queues behind the rebuild for the replicas' lock.
            upstream.catalog(
                    bookId,
                    "section.removed",
                    Map.of("bookId", bookId, "bookVersion", 2, "chapterNumber", 9, "item", "9.1"));
            requestInFlight.countDown();
            rebuilt.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            var after = upstream.catalog(
                    bookId,
                    "chapter.renamed",
                    Map.of("bookId", bookId, "bookVersion", 3, "chapterNumber", 9, "title", "보안 (개정)"));
            await().atMost(TIMEOUT)
                    .until(() -> processed(UUID.fromString(after.event().getId())));

            assertThat(assignmentRows()).isEmpty();
            assertThat(outboxEvents())
                    .containsExactly("studyboard.progress.section.assigned", "studyboard.progress.section.unassigned");
        }
    }

    @Nested
    @DisplayName("GET /actuator/replicas")
    class Status {

        @Test
        @DisplayName("tells whether a rebuild runs, the last one, and how many books and members the replicas hold")
        void tellsTheState() {
            rebuild().expectStatus().isOk();

            var size = jdbc.sql("""
                            SELECT (SELECT count(*) FROM book_replica WHERE NOT removed) AS books,
                                   (SELECT count(*) FROM member_replica) AS members
                            """).query().singleRow();
            status().jsonPath("$.rebuilding")
                    .isEqualTo(false)
                    .jsonPath("$.lastRebuild.finishedAt")
                    .exists()
                    .jsonPath("$.books")
                    .isEqualTo(((Number) size.get("books")).intValue())
                    .jsonPath("$.members")
                    .isEqualTo(((Number) size.get("members")).intValue());
        }
    }

    @Nested
    @DisplayName("the API port")
    class ApiPort {

        @Test
        @DisplayName("does not serve it: 401 without a token, refused with the organizer's, and nothing is rebuilt")
        void notExposed() {
            var before = statusJson();

            http.post().uri("/actuator/replicas").exchange().expectStatus().isUnauthorized();
            http.post()
                    .uri("/actuator/replicas")
                    .header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                    .exchange()
                    .expectStatus()
                    .value(status -> assertThat(status).isIn(403, 404));
            http.get().uri("/actuator/replicas").exchange().expectStatus().isUnauthorized();

            assertThat(statusJson()).isEqualTo(before);
        }
    }

    /**
     * Two books and three members with a past: a chapter renamed, a section revised, a section removed with the work
     * on it and added back, then taken again, a chapter removed, a book removed, a member renamed, a member who left
     * with open work; and two records the listeners dead-lettered (a version gap, no event at all).
     */
    private void givenAHistory() {
        sent(upstream.bookRegistered(
                bookId,
                "Building Microservices",
                List.of(
                        chapter(4, "통합", section("4.7", "REST", 100), section("4.8", "비동기 협업", 118)),
                        chapter(5, "모놀리스 분해", section("5.1", "모놀리스", 150), section("5.2", "이음새", 152)))));
        sent(upstream.bookRegistered(removedBookId, "Gone", List.of(chapter(1, "one", section("1.1", "first", 1)))));
        sent(upstream.memberJoined(이상경, "이상경", "sanggyeong-" + 이상경));
        sent(upstream.memberJoined(김상초, "김상초"));
        sent(upstream.memberJoined(김태현, "김태현", "taehyun-" + 김태현));
        await().atMost(TIMEOUT).until(() -> replicas.member(김태현).isPresent() && replicas.sectionExists(bookId, "4.8"));
        assign("4.7", 김태현);
        assign("4.8", 이상경);

        book(2, "chapter.renamed", Map.of("chapterNumber", 4, "title", "통합하기"));
        book(3, "section.revised", Map.of("chapterNumber", 4, "section", section("4.7", "REST (개정)", 101)));
        book(4, "section.removed", Map.of("chapterNumber", 4, "item", "4.8"));
        sent(upstream.member(김상초, "renamed", Map.of("memberId", 김상초, "memberVersion", 2, "displayName", "김상초 (총무)")));
        sent(upstream.member(
                김태현, "left", Map.of("memberId", 김태현, "memberVersion", 2, "leftAt", "2026-12-01T00:00:00Z")));
        sent(upstream.catalog(removedBookId, "book.removed", Map.of("bookId", removedBookId, "bookVersion", 2)));
        await().atMost(TIMEOUT).until(() -> allProcessed() && assignmentRows().size() == 1);

        book(5, "section.added", Map.of("chapterNumber", 4, "section", section("4.8", "비동기 이벤트 기반의 협업 구현", 118)));
        await().atMost(TIMEOUT).until(this::allProcessed);
        assign("4.8", 이상경);

        book(6, "chapter.removed", Map.of("chapterNumber", 5, "removedItems", List.of("5.1", "5.2")));
        upstream.catalog(bookId, "chapter.renamed", Map.of("bookId", bookId, "bookVersion", 8, "chapterNumber", 4));
        upstream.garbage("catalog.events", bookId.toString());
        await().atMost(TIMEOUT).until(this::allProcessed);

        var rows = replicaRows();
        assertThat(rows.get("section_replica"))
                .extracting(row -> row.get("item") + " " + row.get("title"))
                .containsExactly("4.7 REST (개정)", "4.8 비동기 이벤트 기반의 협업 구현");
        assertThat(rows.get("book_replica"))
                .extracting(row -> row.get("removed"))
                .containsOnlyOnce(true);
        assertThat(rows.get("member_replica"))
                .extracting(row -> row.get("display_name") + " " + row.get("active"))
                .containsExactlyInAnyOrder("이상경 true", "김상초 (총무) true", "김태현 false");
        assertThat(assignmentRows())
                .extracting(row -> row.get("item") + " " + row.get("assignee") + " " + row.get("status"))
                .containsExactly("4.7 null TODO", "4.8 " + 이상경 + " TODO");
    }

    /** What a bug or a restored backup might leave: a wrong title, a member missing, a tombstone and an event lost. */
    private void givenTheReplicasDrifted() {
        jdbc.sql("UPDATE section_replica SET title = 'drifted' WHERE book_id = :id AND item = '4.7'")
                .param("id", bookId)
                .update();
        jdbc.sql("DELETE FROM member_replica WHERE member_id = :id")
                .param("id", 김상초)
                .update();
        jdbc.sql("DELETE FROM book_replica WHERE book_id = :id")
                .param("id", removedBookId)
                .update();
        jdbc.sql("DELETE FROM processed_event WHERE event_id = :id")
                .param("id", applied.get(applied.size() - 1))
                .update();
    }

    private void book(int version, String name, Map<String, Object> data) {
        var withBook = new LinkedHashMap<String, Object>(data);
        withBook.put("bookId", bookId);
        withBook.put("bookVersion", version);
        sent(upstream.catalog(bookId, name, withBook));
    }

    private void sent(UpstreamEvents.Sent event) {
        applied.add(UUID.fromString(event.event().getId()));
    }

    private void assign(String item, UUID memberId) {
        http.put()
                .uri("/api/progress/books/{id}/sections/{item}/assignee", bookId, item)
                .header(HttpHeaders.AUTHORIZATION, ORGANIZER)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("memberId", memberId))
                .exchange()
                .expectStatus()
                .isOk();
    }

    /**
     * Holds the replicas' lock shared, as a request that asked them something and has not finished: until the
     * returned latch is counted down.
     */
    private CountDownLatch requestAnsweredFromTheReplicas() throws InterruptedException {
        var asked = new CountDownLatch(1);
        var finish = new CountDownLatch(1);
        CompletableFuture.runAsync(
                () -> transactions.executeWithoutResult(transaction -> {
                    replicas.sectionExists(bookId, "9.1");
                    asked.countDown();
                    try {
                        finish.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }),
                BACKGROUND);
        assertThat(asked.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        return finish;
    }

    private long waitingForTheReplicasLock() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted")
                .query(Long.class)
                .single();
    }

    private ResponseSpec rebuild() {
        return actuator().post().uri("/actuator/replicas").exchange();
    }

    private RestTestClient.BodyContentSpec status() {
        return actuator()
                .get()
                .uri("/actuator/replicas")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody();
    }

    private String statusJson() {
        return actuator()
                .get()
                .uri("/actuator/replicas")
                .exchange()
                .returnResult(String.class)
                .getResponseBody();
    }

    private RestTestClient actuator() {
        return RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + managementPort)
                .build();
    }

    private boolean processed(UUID eventId) {
        return jdbc.sql("SELECT count(*) FROM processed_event WHERE event_id = :id")
                        .param("id", eventId)
                        .query(Long.class)
                        .single()
                == 1;
    }

    private boolean allProcessed() {
        return applied.stream().allMatch(this::processed);
    }

    /** The replica rows of this test's books and members, and the events applied to them, as plain values. */
    private Map<String, List<Map<String, Object>>> replicaRows() {
        var books = List.of(bookId, removedBookId);
        var members = List.of(이상경, 김상초, 김태현);
        var rows = new LinkedHashMap<String, List<Map<String, Object>>>();
        rows.put("book_replica", rows("SELECT * FROM book_replica WHERE book_id IN (:ids) ORDER BY title", books));
        rows.put(
                "chapter_replica",
                rows("SELECT * FROM chapter_replica WHERE book_id IN (:ids) ORDER BY book_id, number", books));
        rows.put(
                "section_replica",
                rows("SELECT * FROM section_replica WHERE book_id IN (:ids) ORDER BY book_id, item", books));
        rows.put(
                "member_replica",
                rows("SELECT * FROM member_replica WHERE member_id IN (:ids) ORDER BY member_id", members));
        rows.put(
                "processed_event",
                rows(
                        "SELECT event_id, source, type FROM processed_event WHERE event_id IN (:ids) ORDER BY event_id",
                        applied));
        return rows;
    }

    private List<Map<String, Object>> rows(String sql, List<UUID> ids) {
        return jdbc.sql(sql).param("ids", ids).query().listOfRows();
    }

    private List<Map<String, Object>> assignmentRows() {
        return jdbc.sql("SELECT item, assignee, status, version FROM assignment WHERE book_id = :id ORDER BY item")
                .param("id", bookId)
                .query()
                .listOfRows();
    }

    /** The types of the events the work on this test's book announced, in order. */
    private List<String> outboxEvents() {
        return jdbc.sql("SELECT event_type FROM outbox_event WHERE aggregate_id LIKE :book ORDER BY position")
                .param("book", bookId + "/%")
                .query(String.class)
                .list();
    }
}
