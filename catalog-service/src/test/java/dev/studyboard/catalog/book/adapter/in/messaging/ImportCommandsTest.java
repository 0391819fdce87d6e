package dev.studyboard.catalog.book.adapter.in.messaging;

import static dev.studyboard.catalog.book.adapter.in.messaging.ImportCommands.chapter;
import static dev.studyboard.catalog.book.adapter.in.messaging.ImportCommands.registerBookData;
import static dev.studyboard.catalog.book.adapter.in.messaging.ImportCommands.section;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import dev.studyboard.catalog.CatalogIntegrationTest;
import dev.studyboard.catalog.book.application.BookRepository;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.Section;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.TopicRecorder;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Participant of an orchestrated saga, end to end: the orchestrator's commands on {@code catalog.commands}, the
 * catalog's replies on {@code import.replies}, its events on {@code catalog.events} (docs/import-saga.md).
 */
@CatalogIntegrationTest
@DisplayName("catalog.commands: the catalog's step of an import")
@ExtendWith(OutputCaptureExtension.class)
class ImportCommandsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String REGISTERED = "studyboard.catalog.import.book-registered";
    private static final String REFUSED = "studyboard.catalog.import.book-refused";
    private static final String REMOVED = "studyboard.catalog.import.book-removed";

    @Autowired
    BookRepository books;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    final ImportCommands commands = new ImportCommands();
    final UUID importId = UUID.randomUUID();
    final UUID bookId = UUID.randomUUID();

    CloudEventRecorder replies;
    CloudEventRecorder events;

    @BeforeEach
    void startRecording() {
        replies = CloudEventRecorder.from("import.replies");
        events = CloudEventRecorder.from("catalog.events");
    }

    @AfterEach
    void stopRecording() {
        replies.close();
        events.close();
        commands.close();
    }

    /** The replies to this test's import, once {@code count} have come. */
    private List<CloudEvent> awaitReplies(int count) {
        return replies.awaitSubject(importId.toString(), count, TIMEOUT).stream()
                .map(ConsumerRecord::value)
                .toList();
    }

    private JsonNode data(CloudEvent event) {
        return json.readTree(event.getData().toBytes());
    }

    /** {@code book.registered} events of the book committed to the outbox: one per registration, published or not. */
    private long registrations(UUID book) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id AND event_type = :type")
                .param("id", book.toString())
                .param("type", "studyboard.catalog.book.registered")
                .query(Long.class)
                .single();
    }

    private static List<Map<String, Object>> chapters() {
        return List.of(
                chapter(4, "통합", section("4.1", "공유 데이터베이스", 100), section("4.10", "비동기 이벤트 기반 협업", 118)),
                chapter(6, "분해", section("6.2", "사가", null)));
    }

    @Nested
    @DisplayName("register-book")
    class RegisterBook {

        @Test
        @DisplayName("registers the book under the command's id with its chapters and sections, publishes "
                + "book.registered and answers book-registered")
        void registers(CapturedOutput output) {
            var command = commands.registerBook(importId, bookId, "Building Microservices", chapters());

            var reply = awaitReplies(1).get(0);

            assertThat(reply.getType()).isEqualTo(REGISTERED);
            assertThat(reply.getDataSchema()).hasToString("urn:studyboard:schema:catalog.import.book-registered:v1");
            assertThat(data(reply))
                    .isEqualTo(json.valueToTree(
                            Map.of("importId", importId, "commandId", command.getId(), "bookId", bookId)));
            var book = books.find(new BookId(bookId)).orElseThrow();
            assertThat(book.title()).isEqualTo("Building Microservices");
            assertThat(book.authors()).containsExactly("Sam Newman");
            assertThat(book.chapters()).extracting(Chapter::number).containsExactly(4, 6);
            assertThat(book.chapter(4).sections())
                    .extracting(s -> s.item().value(), Section::title, Section::page)
                    .containsExactly(tuple("4.1", "공유 데이터베이스", 100), tuple("4.10", "비동기 이벤트 기반 협업", 118));
            var registered =
                    events.awaitSubject(bookId.toString(), 1, TIMEOUT).get(0).value();
            assertThat(registered.getType()).isEqualTo("studyboard.catalog.book.registered");
            assertThat(data(registered).at("/chapters/1/sections/0/item").asString())
                    .isEqualTo("6.2");
            assertThat(output.getOut())
                    .as("audit log: who started the import")
                    .contains("register book " + bookId + " for import " + importId + " by organizer");
        }

        @Test
        @DisplayName("reads the command as a tolerant reader: fields it does not know are ignored")
        void ignoresUnknownFields() {
            var data = registerBookData(importId, bookId, "From a newer orchestrator", chapters());
            data.put("studyGroup", "microservices 2026");
            data.put("chapters", List.of(Map.of("number", 1, "title", "one", "colour", "blue")));

            commands.send(importId, "register-book", data);

            assertThat(awaitReplies(1).get(0).getType()).isEqualTo(REGISTERED);
            assertThat(books.find(new BookId(bookId))).isPresent();
        }

        @Test
        @DisplayName("the same command delivered twice registers one book and is answered twice alike")
        void sameCommandTwice() {
            var command = commands.registerBook(importId, bookId, "Delivered twice", chapters());
            commands.again(command);

            var answers = awaitReplies(2);

            assertThat(answers).extracting(CloudEvent::getType).containsOnly(REGISTERED);
            assertThat(data(answers.get(1))).isEqualTo(data(answers.get(0)));
            assertThat(answers.get(1).getId())
                    .as("a new event with the same data")
                    .isNotEqualTo(answers.get(0).getId());
            assertThat(registrations(bookId)).isOne();
        }

        @Test
        @DisplayName("a new command for a book already there (another attempt of the import) is answered "
                + "book-registered and registers nothing more")
        void bookAlreadyThere() {
            commands.registerBook(importId, bookId, "Registered before", chapters());
            awaitReplies(1);

            var second = commands.registerBook(importId, bookId, "Registered before", chapters());

            var answer = awaitReplies(2).get(1);
            assertThat(answer.getType()).isEqualTo(REGISTERED);
            assertThat(data(answer).get("commandId").asString()).isEqualTo(second.getId());
            assertThat(registrations(bookId)).isOne();
        }

        static Stream<Arguments> invalidBooks() {
            var title = "Building Microservices";
            return Stream.of(
                    arguments(
                            "the same item twice",
                            title,
                            List.of(chapter(3, "기본", section("3.1", "a", 44), section("3.1", "b", 45))),
                            "chapters[0].sections[1].item: item 3.1 appears twice"),
                    arguments(
                            "an item outside its chapter",
                            title,
                            List.of(chapter(3, "기본", section("4.1", "a", 44))),
                            "chapters[0].sections[0].item: item 4.1 does not belong to chapter 3"),
                    arguments(
                            "not an item number",
                            title,
                            List.of(chapter(3, "기본", section("3-1", "a", 44))),
                            "chapters[0].sections[0].item: '3-1' is not an item number like 3.1 or 4.10"),
                    arguments(
                            "a section without its item",
                            title,
                            List.of(chapter(3, "기본", section(null, "a", 44))),
                            "chapters[0].sections[0].item: must be given"),
                    arguments(
                            "the same chapter twice",
                            title,
                            List.of(chapter(3, "기본"), chapter(3, "again")),
                            "chapters[1].number: chapter 3 appears twice"),
                    arguments(
                            "a title too long",
                            "x".repeat(301),
                            List.of(chapter(3, "기본")),
                            "title: must be at most 300 characters"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("invalidBooks")
        @DisplayName("an invalid book is refused with a reason naming the part and the problem; nothing is stored")
        void invalidBookRefused(String problem, String title, List<Map<String, Object>> chapters, String reason) {
            var command = commands.registerBook(importId, bookId, title, chapters);

            var reply = awaitReplies(1).get(0);

            assertThat(reply.getType()).isEqualTo(REFUSED);
            assertThat(data(reply))
                    .isEqualTo(json.valueToTree(Map.of(
                            "importId", importId, "commandId", command.getId(), "bookId", bookId, "reason", reason)));
            assertThat(books.find(new BookId(bookId))).isEmpty();
            assertThat(registrations(bookId)).isZero();
        }
    }

    @Nested
    @DisplayName("remove-book")
    class RemoveBook {

        @Test
        @DisplayName("removes the book the import registered, publishes book.removed and answers book-removed")
        void removes(CapturedOutput output) {
            commands.registerBook(importId, bookId, "Undone", chapters());
            awaitReplies(1);

            var command = commands.removeBook(importId, bookId);

            var reply = awaitReplies(2).get(1);
            assertThat(reply.getType()).isEqualTo(REMOVED);
            assertThat(data(reply))
                    .isEqualTo(json.valueToTree(
                            Map.of("importId", importId, "commandId", command.getId(), "bookId", bookId)));
            assertThat(books.find(new BookId(bookId))).isEmpty();
            assertThat(events.awaitSubject(bookId.toString(), 2, TIMEOUT))
                    .extracting(r -> r.value().getType())
                    .containsExactly("studyboard.catalog.book.registered", "studyboard.catalog.book.removed");
            assertThat(output.getOut()).contains("remove book " + bookId + " for import " + importId + " by organizer");
        }

        @Test
        @DisplayName("answers book-removed for a book that is not there: nothing is left to undo")
        void absentBook() {
            var command = commands.removeBook(importId, bookId);

            var reply = awaitReplies(1).get(0);

            assertThat(reply.getType()).isEqualTo(REMOVED);
            assertThat(data(reply).get("commandId").asString()).isEqualTo(command.getId());
            assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id")
                            .param("id", bookId.toString())
                            .query(Long.class)
                            .single())
                    .as("no book.removed for a book that never was")
                    .isZero();
        }
    }

    @Nested
    @DisplayName("what is not a command of the catalog")
    class NotCommands {

        TopicRecorder<byte[]> deadLetters;

        @BeforeEach
        void recordDeadLetters() {
            deadLetters = TopicRecorder.raw("catalog.commands.dlt");
        }

        @AfterEach
        void stopRecordingDeadLetters() {
            deadLetters.close();
        }

        @Test
        @DisplayName("a malformed record goes to catalog.commands.dlt and the next command is still handled")
        void malformedRecordDeadLettered() {
            commands.garbage(importId);
            commands.registerBook(importId, bookId, "After the poison", chapters()); // same key: handled after it

            var dead = deadLetters.awaitKey(importId.toString(), TIMEOUT);

            assertThat(new String(dead.value())).isEqualTo("not a CloudEvent");
            assertThat(new String(dead.headers()
                            .lastHeader("kafka_dlt-exception-message")
                            .value()))
                    .contains("Not a command of this system");
            assertThat(awaitReplies(1).get(0).getType()).isEqualTo(REGISTERED);
        }

        @Test
        @DisplayName("a command without the import's id has no one to answer: it goes to catalog.commands.dlt")
        void commandWithoutImportIdDeadLettered() {
            var data = registerBookData(importId, bookId, "Nobody to answer", chapters());
            data.remove("importId");

            commands.send(importId, "register-book", data);

            var dead = deadLetters.awaitKey(importId.toString(), TIMEOUT);
            assertThat(new String(dead.headers()
                            .lastHeader("kafka_dlt-exception-message")
                            .value()))
                    .contains("has no importId");
            assertThat(books.find(new BookId(bookId))).isEmpty();
        }

        @Test
        @DisplayName("a command type the catalog does not know is skipped, not dead-lettered")
        void unknownCommandSkipped() {
            commands.send(importId, "notify-book", Map.of("importId", importId, "bookId", bookId));
            commands.registerBook(importId, bookId, "After the unknown command", chapters()); // same key: after it

            assertThat(awaitReplies(1)).extracting(CloudEvent::getType).containsExactly(REGISTERED);
            assertThat(deadLetters.drainFor(Duration.ofSeconds(1)))
                    .noneMatch(r -> importId.toString().equals(r.key()));
        }
    }
}
