package dev.studyboard.member.commands;

import static dev.studyboard.member.commands.ImportOrchestrator.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.studyboard.member.MemberIntegrationTest;
import dev.studyboard.member.service.Actor;
import dev.studyboard.member.service.MemberService;
import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.TopicRecorder;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * member-service as a participant of the import saga (docs/import-saga.md), end to end: commands arrive on
 * {@code member.commands} as progress-service sends them, replies are read from {@code import.replies} and the
 * members' events from {@code member.events}, as progress-service would read them.
 */
@MemberIntegrationTest
@DisplayName("The import saga's commands")
class ImportCommandsTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Actor ORGANIZER = new Actor("organizer", true, true, false);

    @Autowired
    MemberService members;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    ImportOrchestrator orchestrator;
    CloudEventRecorder replies;
    CloudEventRecorder events;

    /** Makes each test's names and accounts its own: the database is shared by every test. */
    String tag;

    @BeforeEach
    void start() {
        orchestrator = new ImportOrchestrator();
        replies = CloudEventRecorder.from("import.replies");
        events = CloudEventRecorder.from("member.events");
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stop() {
        orchestrator.close();
        replies.close();
        events.close();
    }

    /** The reply to {@code command}, once it arrived. */
    private ConsumerRecord<String, CloudEvent> replyTo(CloudEvent command) {
        var commandId = command.getId();
        return replies.awaitUntil(all -> all.stream().anyMatch(r -> answers(r, commandId)), TIMEOUT).stream()
                .filter(r -> answers(r, commandId))
                .findFirst()
                .orElseThrow();
    }

    /** Every reply to {@code command}, once {@code count} arrived. */
    private List<ConsumerRecord<String, CloudEvent>> repliesTo(CloudEvent command, int count) {
        var commandId = command.getId();
        return replies
                .awaitUntil(
                        all -> all.stream().filter(r -> answers(r, commandId)).count() >= count, TIMEOUT)
                .stream()
                .filter(r -> answers(r, commandId))
                .toList();
    }

    private boolean answers(ConsumerRecord<String, CloudEvent> reply, String commandId) {
        return commandId.equals(data(reply).get("commandId").asString());
    }

    private JsonNode data(ConsumerRecord<String, CloudEvent> record) {
        return json.readTree(new String(record.value().getData().toBytes(), StandardCharsets.UTF_8));
    }

    private static List<UUID> memberIds(JsonNode reply) {
        var ids = new ArrayList<UUID>();
        reply.get("members")
                .forEach(
                        member -> ids.add(UUID.fromString(member.get("memberId").asString())));
        return ids;
    }

    private long membersImportedBy(UUID importId) {
        return jdbc.sql("SELECT count(*) FROM member WHERE imported_by = :importId")
                .param("importId", importId)
                .query(Long.class)
                .single();
    }

    private boolean exists(UUID memberId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM member WHERE id = :id)")
                .param("id", memberId)
                .query(Boolean.class)
                .single();
    }

    /** Events of this type about this member in the outbox: written in the transaction of the change, or never. */
    private long eventsInOutbox(String type, UUID memberId) {
        return jdbc.sql("SELECT count(*) FROM outbox_event WHERE event_type = :type AND aggregate_id = :id")
                .param("type", type)
                .param("id", memberId.toString())
                .query(Long.class)
                .single();
    }

    @Nested
    @DisplayName("join-writers")
    class JoinWriters {

        @Test
        @DisplayName("creates the writers who are not members, marked by the import, and leaves members alone")
        void joinsMissingWriters() {
            var sanggyeong = members.join(ORGANIZER, "이상경 " + tag, null, "sanggyeong-" + tag);
            var sangcho = members.join(ORGANIZER, "김상초 " + tag, null, null);
            var importId = UUID.randomUUID();
            var taehyunAccount = "taehyun-" + tag;
            var bySameAccount = writer("이상경 (notes) " + tag, "sanggyeong-" + tag);
            bySameAccount.put("role", "a field member-service does not know"); // tolerant reader

            var command = orchestrator.command(
                    importId,
                    "import.join-writers",
                    Map.of(
                            "importId",
                            importId,
                            "writers",
                            List.of(
                                    bySameAccount,
                                    writer("  김상초 " + tag + " ", null),
                                    writer("김태현 " + tag, taehyunAccount),
                                    writer("박지민 " + tag, null)),
                            "initiator",
                            "organizer",
                            "notes",
                            "# 4장 ..."));
            var reply = replyTo(command);

            assertThat(reply.key()).isEqualTo(importId.toString());
            assertThat(reply.value().getType()).isEqualTo("studyboard.member.import.writers-joined");
            assertThat(reply.value().getDataSchema())
                    .isEqualTo(URI.create("urn:studyboard:schema:member.import.writers-joined:v1"));
            assertThat(reply.value().getSubject()).isEqualTo(importId.toString());
            var data = data(reply);
            assertThat(data.get("importId").asString()).isEqualTo(importId.toString());
            assertThat(data.get("members"))
                    .extracting(
                            m -> m.get("displayName").asString(),
                            m -> m.get("created").asBoolean())
                    .containsExactly(
                            tuple("이상경 (notes) " + tag, false),
                            tuple("  김상초 " + tag + " ", false),
                            tuple("김태현 " + tag, true),
                            tuple("박지민 " + tag, true));
            var ids = memberIds(data);
            assertThat(ids.subList(0, 2))
                    .as("found by account, then by display name (trimmed)")
                    .containsExactly(sanggyeong.id(), sangcho.id());
            var taehyun = members.get(ids.get(2));
            var jimin = members.get(ids.get(3));
            assertThat(taehyun.importedBy()).contains(importId);
            assertThat(taehyun.account()).contains(taehyunAccount);
            assertThat(jimin.importedBy()).contains(importId);
            assertThat(jimin.account()).isEmpty();
            assertThat(members.get(sanggyeong.id())).as("left alone").satisfies(m -> {
                assertThat(m.displayName()).isEqualTo("이상경 " + tag);
                assertThat(m.version()).isEqualTo(1);
                assertThat(m.importedBy()).isEmpty();
            });
            assertThat(membersImportedBy(importId)).isEqualTo(2);

            var joined = events.awaitSubject(taehyun.id().toString(), 1, TIMEOUT);
            assertThat(joined.get(0).value().getType()).isEqualTo("studyboard.member.joined");
            assertThat(data(joined.get(0)).get("account").asString()).isEqualTo(taehyunAccount);
            events.awaitSubject(jimin.id().toString(), 1, TIMEOUT);
            assertThat(eventsInOutbox("studyboard.member.joined", sanggyeong.id()))
                    .as("only its own joining, before the import")
                    .isEqualTo(1);
            assertThat(eventsInOutbox("studyboard.member.joined", sangcho.id())).isEqualTo(1);
        }

        @Test
        @DisplayName("the same command twice has one effect, and gets the same reply again")
        void sameCommandTwice() {
            var importId = UUID.randomUUID();
            var command = orchestrator.joinWriters(importId, List.of(writer("김태현 " + tag, null)));
            var first = replyTo(command);

            orchestrator.again(command);
            var both = repliesTo(command, 2);

            assertThat(both).hasSize(2);
            assertThat(data(both.get(1))).isEqualTo(data(first));
            assertThat(both.get(1).value().getType()).isEqualTo("studyboard.member.import.writers-joined");
            assertThat(data(first).get("members").get(0).get("created").asBoolean())
                    .isTrue();
            assertThat(membersImportedBy(importId)).isEqualTo(1);
            assertThat(eventsInOutbox(
                            "studyboard.member.joined", memberIds(data(first)).get(0)))
                    .isEqualTo(1);
        }

        @Test
        @DisplayName("two writers named alike are one member, created by the import")
        void writersNamedAlike() {
            var importId = UUID.randomUUID();

            var reply = data(replyTo(orchestrator.joinWriters(
                    importId, List.of(writer("김태현 " + tag, null), writer("김태현 " + tag, null)))));

            var ids = memberIds(reply);
            assertThat(ids).hasSize(2);
            assertThat(ids.get(1)).isEqualTo(ids.get(0));
            assertThat(reply.get("members"))
                    .as("both are the member this import created")
                    .allSatisfy(member ->
                            assertThat(member.get("created").asBoolean()).isTrue());
            assertThat(membersImportedBy(importId)).isEqualTo(1);
        }
    }

    @Nested
    @DisplayName("join-writers refused")
    class Refused {

        @Test
        @DisplayName("a writer whose account is a member who left: writers-refused naming them, nobody joins")
        void accountOfMemberWhoLeft() {
            var account = "sangcho-" + tag;
            var left = members.join(ORGANIZER, "김상초 " + tag, null, account);
            members.leave(ORGANIZER, left.id(), OptionalLong.empty());
            var importId = UUID.randomUUID();

            var command = orchestrator.joinWriters(
                    importId, List.of(writer("박지민 " + tag, null), writer("김상초 (notes) " + tag, account)));
            var reply = replyTo(command);

            assertThat(reply.value().getType()).isEqualTo("studyboard.member.import.writers-refused");
            assertThat(reply.key()).isEqualTo(importId.toString());
            var data = data(reply);
            assertThat(data.propertyNames()).containsExactlyInAnyOrder("importId", "commandId", "reason");
            assertThat(data.get("reason").asString())
                    .isEqualTo("Writer \"김상초 (notes) " + tag + "\" (account " + account
                            + ") cannot join: the account belongs to a member who has left");
            assertNobodyJoined(importId, "박지민 " + tag);

            orchestrator.again(command);
            assertThat(repliesTo(command, 2))
                    .as("the same command is refused the same way")
                    .allSatisfy(r -> assertThat(data(r)).isEqualTo(data));
        }

        @Test
        @DisplayName("two writers with the same account: refused, naming the second")
        void sameAccountTwice() {
            var importId = UUID.randomUUID();
            var account = "jimin-" + tag;

            var reply = replyTo(orchestrator.joinWriters(
                    importId, List.of(writer("박지민 " + tag, account), writer("지민 " + tag, account))));

            assertThat(reply.value().getType()).isEqualTo("studyboard.member.import.writers-refused");
            assertThat(data(reply).get("reason").asString())
                    .startsWith("Writer \"지민 " + tag + "\" (account " + account + ") cannot join")
                    .contains("same account");
            assertNobodyJoined(importId, "박지민 " + tag);
        }

        @Test
        @DisplayName("a writer without a display name: refused by the member's own rule")
        void blankDisplayName() {
            var importId = UUID.randomUUID();

            var reply =
                    replyTo(orchestrator.joinWriters(importId, List.of(writer("박지민 " + tag, null), writer(" ", null))));

            assertThat(data(reply).get("reason").asString())
                    .isEqualTo("Writer \" \" cannot join: displayName must not be blank");
            assertNobodyJoined(importId, "박지민 " + tag);
        }

        /** Not even the writers before the one refused: the command's transaction rolled back. */
        private void assertNobodyJoined(UUID importId, String displayNameOfValidWriter) {
            assertThat(membersImportedBy(importId)).isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM member WHERE display_name = :name")
                            .param("name", displayNameOfValidWriter)
                            .query(Long.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("SELECT count(*) FROM outbox_event WHERE payload::jsonb ->> 'displayName' = :name")
                            .param("name", displayNameOfValidWriter)
                            .query(Long.class)
                            .single())
                    .as("no member.joined either")
                    .isZero();
        }
    }

    @Nested
    @DisplayName("remove-imported-members")
    class RemoveImportedMembers {

        UUID importId;
        UUID sangcho;
        List<UUID> imported;

        /** The import joined two writers, and found a third, 김상초, a member already. */
        @BeforeEach
        void imported() {
            sangcho = members.join(ORGANIZER, "김상초 " + tag, null, null).id();
            importId = UUID.randomUUID();
            var joined = data(replyTo(orchestrator.joinWriters(
                    importId,
                    List.of(
                            writer("김상초 " + tag, null),
                            writer("김태현 " + tag, "taehyun-" + tag),
                            writer("박지민 " + tag, null)))));
            imported = memberIds(joined).subList(1, 3);
        }

        @Test
        @DisplayName("removes exactly the members the import created, publishes member.removed, and lists them")
        void removesImportedMembers() {
            var command = orchestrator.removeImportedMembers(importId);
            var reply = replyTo(command);

            assertThat(reply.value().getType()).isEqualTo("studyboard.member.import.imported-members-removed");
            assertThat(reply.key()).isEqualTo(importId.toString());
            var data = data(reply);
            assertThat(data.get("importId").asString()).isEqualTo(importId.toString());
            var removed = new ArrayList<UUID>();
            data.get("memberIds").forEach(id -> removed.add(UUID.fromString(id.asString())));
            assertThat(removed).containsExactlyInAnyOrderElementsOf(imported);
            assertThat(imported).noneMatch(ImportCommandsTest.this::exists);
            assertThat(exists(sangcho)).as("a member before the import stays").isTrue();

            for (var memberId : imported) {
                var published = events.awaitSubject(memberId.toString(), 2, TIMEOUT);
                assertThat(published)
                        .extracting(r -> r.value().getType())
                        .containsExactly("studyboard.member.joined", "studyboard.member.removed");
                var removedEvent = published.get(1);
                assertThat(removedEvent.key()).isEqualTo(memberId.toString());
                assertThat(removedEvent.value().getDataSchema())
                        .isEqualTo(URI.create("urn:studyboard:schema:member.removed:v1"));
                var removedData = data(removedEvent);
                assertThat(removedData.propertyNames()).containsExactlyInAnyOrder("memberId", "memberVersion");
                assertThat(removedData.get("memberVersion").asLong())
                        .as("one change after joining (version 1)")
                        .isEqualTo(2);
            }
            assertThat(eventsInOutbox("studyboard.member.removed", sangcho)).isZero();
        }

        @Test
        @DisplayName("again: the same command gets the same reply, a new one finds nobody left and says so")
        void removingAgain() {
            var command = orchestrator.removeImportedMembers(importId);
            var first = data(replyTo(command));

            orchestrator.again(command);
            var repeated = repliesTo(command, 2);
            var anotherCommand = orchestrator.removeImportedMembers(importId);
            var another = data(replyTo(anotherCommand));

            assertThat(data(repeated.get(1))).isEqualTo(first);
            assertThat(another.get("memberIds")).isEmpty();
            assertThat(another.get("commandId").asString()).isEqualTo(anotherCommand.getId());
            assertThat(exists(sangcho)).isTrue();
        }
    }

    @Nested
    @DisplayName("faults")
    class Faults {

        @Test
        @DisplayName("a malformed record is dead-lettered, and the next command is handled")
        void malformedIsDeadLettered() {
            var importId = UUID.randomUUID();
            try (var deadLetters = TopicRecorder.raw("member.commands.dlt")) {
                orchestrator.garbage(importId);
                var next = orchestrator.removeImportedMembers(importId);

                assertThat(replyTo(next).value().getType())
                        .isEqualTo("studyboard.member.import.imported-members-removed");
                var dead = deadLetters.awaitKey(importId.toString(), TIMEOUT);
                assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not a CloudEvent");
                assertThat(new String(
                                dead.headers()
                                        .lastHeader("kafka_dlt-exception-message")
                                        .value(),
                                StandardCharsets.UTF_8))
                        .contains("Not a command of this system");
            }
        }

        @Test
        @DisplayName("a command without an import id is dead-lettered: it could not even be answered")
        void commandWithoutImportId() {
            var importId = UUID.randomUUID();
            try (var deadLetters = TopicRecorder.raw("member.commands.dlt")) {
                var command = orchestrator.command(
                        importId, "import.remove-imported-members", Map.of("initiator", "organizer"));

                var dead = deadLetters.awaitKey(importId.toString(), TIMEOUT);

                assertThat(dead.headers().lastHeader("ce_id").value())
                        .asString(StandardCharsets.UTF_8)
                        .isEqualTo(command.getId());
                assertThat(new String(
                                dead.headers()
                                        .lastHeader("kafka_dlt-exception-message")
                                        .value(),
                                StandardCharsets.UTF_8))
                        .contains("Unreadable data");
            }
        }

        @Test
        @DisplayName("a command member-service does not take is skipped: no reply, no effect, the next is handled")
        void unknownCommandSkipped() {
            var importId = UUID.randomUUID();
            var unknown = orchestrator.command(
                    importId, "import.register-book", Map.of("importId", importId, "initiator", "organizer"));
            var next = orchestrator.removeImportedMembers(importId);

            replyTo(next);

            assertThat(replies.drainFor(Duration.ZERO))
                    .as("one import's replies stay in order: a reply to the skipped one would have come first")
                    .filteredOn(r -> importId.toString().equals(r.key()))
                    .extracting(r -> data(r).get("commandId").asString())
                    .containsExactly(next.getId());
            assertThat(jdbc.sql("SELECT count(*) FROM handled_command WHERE command_id = :id")
                            .param("id", UUID.fromString(unknown.getId()))
                            .query(Long.class)
                            .single())
                    .isZero();
        }

        @Test
        @DisplayName("writes who started the import to the audit log")
        @ExtendWith(OutputCaptureExtension.class)
        void auditsInitiator(CapturedOutput output) {
            var importId = UUID.randomUUID();

            var command = orchestrator.removeImportedMembers(importId);

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(output.getOut())
                            .containsPattern("audit +: studyboard.progress.import.remove-imported-members for import "
                                    + importId + " by organizer \\(command " + command.getId() + "\\)"));
        }
    }
}
