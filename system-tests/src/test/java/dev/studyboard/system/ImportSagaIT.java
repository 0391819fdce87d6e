package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The import saga with the real participants, each its own process with its own database: a failure injected at each
 * step leaves nothing of the import in any service, a participant that is down only delays it, and an orchestrator
 * killed in the middle finishes it after its restart (docs/import-saga.md).
 */
@DisplayName("Importing a study board across the services")
class ImportSagaIT {

    private static final Duration SAGA = Duration.ofMinutes(3);

    private final RestClient progress = StudyBoardSystem.asDemoLoader(StudyBoardSystem.PROGRESS);
    private final RestClient catalog = StudyBoardSystem.asDemoLoader(StudyBoardSystem.CATALOG);
    private final RestClient members = StudyBoardSystem.asDemoLoader(StudyBoardSystem.MEMBERS);

    /** Notes of one chapter; names are unique per test (one shared system). */
    private static String notes(String title, String sectionTitle, String writer) {
        return """
                # %s
                **01장. 첫 장**
                | 아이템 | 제목 | 페이지 | 작성자 | 완료 |
                | :----: | ---- | :----: | :----: | :----: |
                | 1.1 | %s | 3 | %s | :heavy_check_mark: |
                | 1.2 | 둘째 절 | 9 | | |
                """.formatted(title, sectionTitle, writer);
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private URI start(String key, String notes) {
        return progress.post()
                .uri("/api/imports")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("notes", notes))
                .retrieve()
                .toBodilessEntity()
                .getHeaders()
                .getLocation();
    }

    private JsonNode state(URI importUrl) {
        return progress.get().uri(importUrl.getPath()).retrieve().body(JsonNode.class);
    }

    private JsonNode awaitEnd(URI importUrl, String status) {
        await().atMost(SAGA)
                .untilAsserted(() ->
                        assertThat(state(importUrl).get("status").asString()).isIn("COMPLETED", "COMPENSATED"));
        var end = state(importUrl);
        assertThat(end.get("status").asString())
                .as("reason: %s", end.path("reason"))
                .isEqualTo(status);
        return end;
    }

    private HttpStatusCode bookStatus(String bookId) {
        return catalog.get()
                .uri("/api/catalog/books/{id}", bookId)
                .exchange((request, response) -> response.getStatusCode());
    }

    private HttpStatusCode boardStatus(String bookId) {
        return RestClient.create(StudyBoardSystem.PROGRESS.url().toString())
                .get()
                .uri("/api/progress/books/{id}/board", bookId)
                .exchange((request, response) -> response.getStatusCode());
    }

    /** Every member's display name, active or left. */
    private List<String> memberNames() {
        var page = members.get().uri("/api/members?size=100").retrieve().body(JsonNode.class);
        return StreamSupport.stream(page.get("members").spliterator(), false)
                .map(member -> member.get("displayName").asString())
                .toList();
    }

    @Nested
    @DisplayName("a failure injected at each step is undone everywhere")
    class Compensation {

        @Test
        @DisplayName("step 1: catalog-service refuses the book (a title too long) → COMPENSATED, no book, no member")
        void bookRefused() {
            var writer = unique("작성자");
            var importUrl = start(UUID.randomUUID().toString(), notes(unique("책"), "가".repeat(201), writer));

            var end = awaitEnd(importUrl, "COMPENSATED");

            assertThat(end.get("reason").asString())
                    .startsWith("catalog-service refused the book")
                    .contains("title");
            assertThat(end.get("steps").findValuesAsString("state")).containsExactly("FAILED", "PENDING", "PENDING");
            var bookId = end.get("bookId").asString();
            assertThat(bookStatus(bookId)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(memberNames()).doesNotContain(writer);
            assertThat(boardStatus(bookId)).isEqualTo(HttpStatus.NOT_FOUND);
        }

        @Test
        @DisplayName("step 2: member-service refuses a writer (a name too long) → the book removed, COMPENSATED")
        void writersRefused() {
            var writer = unique("작".repeat(100));
            var importUrl = start(UUID.randomUUID().toString(), notes(unique("책"), "첫 절", writer));

            var end = awaitEnd(importUrl, "COMPENSATED");

            assertThat(end.get("reason").asString()).startsWith("member-service refused the writers");
            assertThat(end.get("steps").findValuesAsString("state")).containsExactly("UNDONE", "FAILED", "PENDING");
            var bookId = end.get("bookId").asString();
            assertThat(bookStatus(bookId)).isEqualTo(HttpStatus.NOT_FOUND);
            assertThat(memberNames()).doesNotContain(writer);
            await().atMost(SAGA)
                    .untilAsserted(() -> assertThat(boardStatus(bookId)).isEqualTo(HttpStatus.NOT_FOUND));
        }
    }

    @Nested
    @DisplayName("faults only delay it")
    class Faults {

        @Test
        @DisplayName("member-service down, then progress-service killed mid-saga → completes after both are back")
        void orchestratorKilledMidSaga() {
            var writer = unique("작성자");
            StudyBoardSystem.MEMBERS.stop();
            var importUrl = start(UUID.randomUUID().toString(), notes(unique("책"), "첫 절", writer));
            await().atMost(SAGA)
                    .untilAsserted(
                            () -> assertThat(state(importUrl).get("status").asString())
                                    .isEqualTo("JOINING_WRITERS"));

            StudyBoardSystem.PROGRESS.kill();
            StudyBoardSystem.MEMBERS.restart(SAGA);
            StudyBoardSystem.PROGRESS.restart(SAGA);

            var end = awaitEnd(importUrl, "COMPLETED");
            assertThat(memberNames()).contains(writer);
            var board = RestClient.create(StudyBoardSystem.PROGRESS.url().toString())
                    .get()
                    .uri(
                            "/api/progress/books/{id}/board?format=markdown",
                            end.get("bookId").asString())
                    .retrieve()
                    .body(String.class);
            assertThat(board).contains("| 1.1 | 첫 절 | 3 | " + writer + " | :heavy_check_mark: |");
        }
    }

    @Nested
    @DisplayName("idempotency")
    class Idempotency {

        @Test
        @DisplayName("the same Idempotency-Key twice → one import, one book")
        void sameKeyTwice() {
            var title = unique("책");
            var notes = notes(title, "첫 절", unique("작성자"));
            var key = UUID.randomUUID().toString();

            var first = start(key, notes);
            var second = start(key, notes);

            assertThat(second).isEqualTo(first);
            awaitEnd(first, "COMPLETED");
            var books =
                    catalog.get().uri("/api/catalog/books?size=100").retrieve().body(JsonNode.class);
            assertThat(StreamSupport.stream(books.get("books").spliterator(), false)
                            .filter(book -> title.equals(book.get("title").asString())))
                    .hasSize(1);
        }
    }
}
