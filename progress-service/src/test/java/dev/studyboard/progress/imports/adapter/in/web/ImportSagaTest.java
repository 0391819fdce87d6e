package dev.studyboard.progress.imports.adapter.in.web;

import static dev.studyboard.progress.UpstreamEvents.chapter;
import static dev.studyboard.progress.UpstreamEvents.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.progress.ProgressIntegrationTest;
import dev.studyboard.progress.UpstreamEvents;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.TestIssuer;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import saga's orchestrator in progress-service, with catalog-service and member-service played by the test:
 * it reads the commands progress-service sends and answers them as the participants would (docs/import-saga.md).
 * The system tests run the same saga with the real participants.
 */
@ProgressIntegrationTest
@TestPropertySource(
        properties = {
            "studyboard.imports.reply-timeout=3s",
            "studyboard.imports.attempts=2",
            "studyboard.imports.timer-interval=100ms"
        })
@DisplayName("Importing a study board (orchestrator)")
class ImportSagaTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final TestIssuer ISSUER = TestIssuer.shared();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final String NOTES = """
            # 통합 테스트의 책
            **01장. 첫 장**
            | 아이템 | 제목 | 페이지 | 작성자 | 완료 |
            | :----: | ---- | :----: | :----: | :----: |
            | 1.1 | 첫 절 | 3 | 이상경 | :heavy_check_mark: |
            | 1.2 | 둘째 절 | 9 | | |
            """;

    private CloudEventRecorder catalogCommands;
    private CloudEventRecorder memberCommands;

    @Autowired
    RestTestClient http;

    final UpstreamEvents participants = new UpstreamEvents();

    /** After the context started: the service declares the command topics. */
    @BeforeEach
    void record() {
        catalogCommands = CloudEventRecorder.from("catalog.commands");
        memberCommands = CloudEventRecorder.from("member.commands");
    }

    @AfterEach
    void close() {
        catalogCommands.close();
        memberCommands.close();
        participants.close();
    }

    private RestTestClient.ResponseSpec startImport(String bearer, String key, String notes) {
        return http.post()
                .uri("/api/imports")
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("notes", notes, "accounts", Map.of("이상경", "sanggyeong-" + key)))
                .exchange();
    }

    private UUID started(String notes) {
        var body = startImport(ISSUER.organizer(), UUID.randomUUID().toString(), notes)
                .expectStatus()
                .isAccepted()
                .returnResult(JsonNode.class)
                .getResponseBody();
        return UUID.fromString(body.get("id").asString());
    }

    private JsonNode importState(UUID id) {
        return http.get()
                .uri("/api/imports/{id}", id)
                .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(JsonNode.class)
                .getResponseBody();
    }

    private void awaitStatus(UUID id, String status) {
        await().atMost(TIMEOUT)
                .untilAsserted(() ->
                        assertThat(importState(id).get("status").asString()).isEqualTo(status));
    }

    /** The commands of one import a participant received, in order. */
    private List<ConsumerRecord<String, CloudEvent>> commands(CloudEventRecorder topic, UUID importId, int count) {
        return topic.awaitSubject(importId.toString(), count, TIMEOUT);
    }

    /**
     * The first command of one import of a type. With the short reply timeout here a command may come again (the
     * orchestrator's retry, same id) before the test answers it: tests look for the kind they expect.
     */
    private static ConsumerRecord<String, CloudEvent> command(CloudEventRecorder topic, UUID importId, String type) {
        return topic
                .awaitUntil(all -> all.stream().anyMatch(record -> isCommand(record, importId, type)), TIMEOUT)
                .stream()
                .filter(record -> isCommand(record, importId, type))
                .findFirst()
                .orElseThrow();
    }

    private static boolean isCommand(ConsumerRecord<String, CloudEvent> record, UUID importId, String type) {
        return importId.toString().equals(record.value().getSubject())
                && ("studyboard.progress.import." + type).equals(record.value().getType());
    }

    private static JsonNode data(ConsumerRecord<String, CloudEvent> command) {
        return JSON.readTree(command.value().getData().toBytes());
    }

    private static UUID id(ConsumerRecord<String, CloudEvent> command) {
        return UUID.fromString(command.value().getId());
    }

    /** catalog-service's part: the book registered (reply), and its event, from which the replica is built. */
    private void catalogRegisters(UUID importId, ConsumerRecord<String, CloudEvent> command) {
        var bookId = UUID.fromString(data(command).get("bookId").asString());
        participants.bookRegistered(
                bookId,
                data(command).get("title").asString(),
                List.of(chapter(1, "첫 장", section("1.1", "첫 절", 3), section("1.2", "둘째 절", 9))));
        participants.importReply(
                "catalog",
                "import.book-registered",
                importId,
                Map.of("importId", importId, "commandId", id(command), "bookId", bookId));
    }

    @Nested
    @DisplayName("going forward")
    class Forward {

        @Test
        @DisplayName("book, writers, then the work: the board shows who writes what and what is done")
        void completes() {
            var importId = started(NOTES);

            var registration = command(catalogCommands, importId, "register-book");
            assertThat(data(registration).get("chapters").get(0).get("sections"))
                    .hasSize(2);
            catalogRegisters(importId, registration);

            var join = command(memberCommands, importId, "join-writers");
            assertThat(data(join).get("writers").get(0).get("account").asString())
                    .startsWith("sanggyeong-");
            var memberId = UUID.randomUUID();
            participants.memberJoined(memberId, "이상경");
            participants.importReply(
                    "member",
                    "import.writers-joined",
                    importId,
                    Map.of(
                            "importId", importId,
                            "commandId", id(join),
                            "members", List.of(Map.of("displayName", "이상경", "memberId", memberId, "created", true))));

            awaitStatus(importId, "COMPLETED");
            var bookId = UUID.fromString(importState(importId).get("bookId").asString());
            var board = http.get()
                    .uri("/api/progress/books/{id}/board?format=markdown", bookId)
                    .exchange()
                    .expectStatus()
                    .isOk()
                    .returnResult(String.class)
                    .getResponseBody();
            assertThat(board).containsPattern("1\\.1 \\| 첫 절 \\| 3 \\| 이상경 \\| :heavy_check_mark:");
        }

        @Test
        @DisplayName("a duplicate reply changes nothing: the writers are asked once")
        void duplicateReply() {
            var importId = started(NOTES);
            var registration = command(catalogCommands, importId, "register-book");
            catalogRegisters(importId, registration);
            var join = command(memberCommands, importId, "join-writers");

            participants.importReply(
                    "catalog",
                    "import.book-registered",
                    importId,
                    Map.of("importId", importId, "commandId", id(registration), "bookId", UUID.randomUUID()));

            assertThat(memberCommands.drainFor(Duration.ofSeconds(2)))
                    .filteredOn(command ->
                            importId.toString().equals(command.value().getSubject()))
                    .hasSize(1);
            assertThat(importState(importId).get("status").asString()).isEqualTo("JOINING_WRITERS");
        }
    }

    @Nested
    @DisplayName("when a step fails")
    class Compensation {

        @Test
        @DisplayName("writers refused → the book is removed (reverse order), then COMPENSATED with the reason")
        void writersRefused() {
            var importId = started(NOTES);
            catalogRegisters(importId, command(catalogCommands, importId, "register-book"));
            var join = command(memberCommands, importId, "join-writers");

            participants.importReply(
                    "member",
                    "import.writers-refused",
                    importId,
                    Map.of("importId", importId, "commandId", id(join), "reason", "이상경 cannot join"));

            var removal = command(catalogCommands, importId, "remove-book");
            participants.importReply(
                    "catalog",
                    "import.book-removed",
                    importId,
                    Map.of("importId", importId, "commandId", id(removal), "bookId", UUID.randomUUID()));
            awaitStatus(importId, "COMPENSATED");
            var state = importState(importId);
            assertThat(state.get("reason").asString()).isEqualTo("member-service refused the writers: 이상경 cannot join");
            assertThat(state.get("steps").findValuesAsString("state")).containsExactly("UNDONE", "FAILED", "PENDING");
        }

        @Test
        @DisplayName("work refused (the writer left meanwhile) → imported members removed, then the book: in reverse")
        void workRefused() {
            var importId = started(NOTES);
            catalogRegisters(importId, command(catalogCommands, importId, "register-book"));
            var join = command(memberCommands, importId, "join-writers");
            var memberId = UUID.randomUUID();
            participants.memberJoined(memberId, "이상경");
            participants.member(
                    memberId,
                    "left",
                    Map.of("memberId", memberId, "memberVersion", 2, "leftAt", "2026-12-07T10:00:00Z"));
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> http.get()
                            .uri("/api/progress/members/{id}/summary", memberId)
                            .exchange()
                            .expectBody()
                            .jsonPath("$.active")
                            .isEqualTo(false));

            participants.importReply(
                    "member",
                    "import.writers-joined",
                    importId,
                    Map.of(
                            "importId", importId,
                            "commandId", id(join),
                            "members", List.of(Map.of("displayName", "이상경", "memberId", memberId, "created", true))));

            var undoMembers = command(memberCommands, importId, "remove-imported-members");
            participants.importReply(
                    "member",
                    "import.imported-members-removed",
                    importId,
                    Map.of("importId", importId, "commandId", id(undoMembers), "memberIds", List.of(memberId)));
            var undoBook = command(catalogCommands, importId, "remove-book");
            participants.importReply(
                    "catalog",
                    "import.book-removed",
                    importId,
                    Map.of("importId", importId, "commandId", id(undoBook), "bookId", UUID.randomUUID()));

            awaitStatus(importId, "COMPENSATED");
            var state = importState(importId);
            assertThat(state.get("reason").asString()).startsWith("the work could not be recorded: section 1.1");
            assertThat(state.get("steps").findValuesAsString("state")).containsExactly("UNDONE", "UNDONE", "FAILED");
        }

        @Test
        @DisplayName("no reply → the same command again (same id); after the attempts the step is undone too")
        void participantSilent() {
            var importId = started(NOTES);

            var sent = commands(catalogCommands, importId, 3);

            assertThat(id(sent.get(1))).as("the retry is the same command").isEqualTo(id(sent.get(0)));
            assertThat(sent.get(2).value().getType()).isEqualTo("studyboard.progress.import.remove-book");
            assertThat(importState(importId).get("reason").asString())
                    .isEqualTo("catalog-service did not answer REGISTER_BOOK after 2 attempts");
        }
    }

    @Nested
    @DisplayName("the request")
    class Request {

        @Test
        @DisplayName("the same Idempotency-Key with the same notes → the same import; with other notes → 422")
        void idempotencyKey() {
            var key = UUID.randomUUID().toString();
            var first = startImport(ISSUER.organizer(), key, NOTES)
                    .expectStatus()
                    .isAccepted()
                    .returnResult(JsonNode.class);

            var again = startImport(ISSUER.organizer(), key, NOTES)
                    .expectStatus()
                    .isAccepted()
                    .returnResult(JsonNode.class);
            var other = startImport(ISSUER.organizer(), key, NOTES + "| 1.3 | 셋째 절 | 12 | | |\n");

            assertThat(again.getResponseHeaders().getLocation())
                    .isEqualTo(first.getResponseHeaders().getLocation());
            other.expectStatus().isEqualTo(422).expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        @DisplayName("notes that cannot be read → 400 naming each line, and no import starts")
        void malformedNotes() {
            startImport(ISSUER.organizer(), UUID.randomUUID().toString(), NOTES.replace("| 9 |", "| 아홉 |"))
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("notes")
                    .jsonPath("$.errors[0].line")
                    .isEqualTo(6)
                    .jsonPath("$.errors[0].reason")
                    .isEqualTo("line 6: 페이지 is a page number from 1 to 100000, not '아홉'");
        }

        @Test
        @DisplayName("an Idempotency-Key that is empty, has a space or is too long → 400 problem naming it")
        void badKey() {
            for (var key : List.of("", "two words", "k".repeat(256))) {
                startImport(ISSUER.organizer(), key, NOTES)
                        .expectStatus()
                        .isBadRequest()
                        .expectHeader()
                        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                        .expectBody()
                        .jsonPath("$.errors[0].field")
                        .isEqualTo("idempotencyKey");
            }
        }

        @Test
        @DisplayName("a chapter line of 150,000 spaces is answered at once, as a problem, not after minutes")
        void pathologicalLine() {
            startImport(ISSUER.organizer(), UUID.randomUUID().toString(), "# 책\n**1장." + " ".repeat(150_000) + "x")
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }

        @Test
        @DisplayName("without an Idempotency-Key → 400 problem")
        void keyRequired() {
            http.post()
                    .uri("/api/imports")
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("notes", NOTES))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Nested
    @DisplayName("who may import")
    class Authorization {

        @Test
        @DisplayName("anonymous → 401; a member → 403; a machine client without imports.write → 403")
        void refused() {
            http.post()
                    .uri("/api/imports")
                    .header("Idempotency-Key", "k")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("notes", NOTES))
                    .exchange()
                    .expectStatus()
                    .isUnauthorized();
            startImport(ISSUER.member("sanggyeong"), "k", NOTES).expectStatus().isForbidden();
            startImport(ISSUER.client("demo-loader", "progress.write"), "k", NOTES)
                    .expectStatus()
                    .isForbidden();
            http.get()
                    .uri("/api/imports/{id}", UUID.randomUUID())
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.member("sanggyeong"))
                    .exchange()
                    .expectStatus()
                    .isForbidden();
        }

        @Test
        @DisplayName("the demo-loader with imports.write may import; an unknown import is 404")
        void allowed() {
            startImport(
                            ISSUER.client("demo-loader", "imports.write"),
                            UUID.randomUUID().toString(),
                            NOTES)
                    .expectStatus()
                    .isAccepted()
                    .expectHeader()
                    .exists(HttpHeaders.LOCATION);
            http.get()
                    .uri("/api/imports/{id}", UUID.randomUUID())
                    .header(HttpHeaders.AUTHORIZATION, ISSUER.organizer())
                    .exchange()
                    .expectStatus()
                    .isNotFound();
        }
    }
}
