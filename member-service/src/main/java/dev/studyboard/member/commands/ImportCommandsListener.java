package dev.studyboard.member.commands;

import dev.studyboard.member.commands.ImportCommandMessages.ImportedMembersRemovedV1;
import dev.studyboard.member.commands.ImportCommandMessages.JoinWritersV1;
import dev.studyboard.member.commands.ImportCommandMessages.JoinedMemberV1;
import dev.studyboard.member.commands.ImportCommandMessages.RemoveImportedMembersV1;
import dev.studyboard.member.commands.ImportCommandMessages.WritersJoinedV1;
import dev.studyboard.member.commands.ImportCommandMessages.WritersRefusedV1;
import dev.studyboard.member.service.JoinedWriter;
import dev.studyboard.member.service.MemberImportService;
import dev.studyboard.member.service.Writer;
import dev.studyboard.member.service.WriterCannotJoinException;
import dev.studyboard.outbox.CommandReceiver;
import dev.studyboard.outbox.CommandReceiver.Reply;
import dev.studyboard.outbox.EventType;
import dev.studyboard.outbox.ReceivedCommand;
import dev.studyboard.outbox.ReceivedCommand.MalformedCommandException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Participant of an orchestrated saga: takes progress-service's import commands from {@code member.commands} and
 * answers each on {@code import.replies} (docs/import-saga.md). Each command is handled once ({@link
 * CommandReceiver}): its effect and its reply commit together, and a command sent again gets the same reply.
 */
@Component
class ImportCommandsListener {

    static final String JOIN_WRITERS = "studyboard.progress.import.join-writers";
    static final String REMOVE_IMPORTED_MEMBERS = "studyboard.progress.import.remove-imported-members";

    private static final Logger log = LoggerFactory.getLogger(ImportCommandsListener.class);
    private static final Logger AUDIT = LoggerFactory.getLogger("audit");

    private final CommandReceiver receiver;
    private final MemberImportService imports;
    private final JsonMapper json;

    ImportCommandsListener(CommandReceiver receiver, MemberImportService imports, JsonMapper json) {
        this.receiver = receiver;
        this.imports = imports;
        this.json = json;
    }

    @KafkaListener(id = "import-commands", idIsGroup = false, topics = CommandTopics.MEMBER_COMMANDS)
    void onCommand(ConsumerRecord<String, byte[]> record) {
        var command = ReceivedCommand.from(record);
        switch (command.type()) {
            case JOIN_WRITERS -> joinWriters(command, data(command, JoinWritersV1.class));
            case REMOVE_IMPORTED_MEMBERS ->
                removeImportedMembers(command, data(command, RemoveImportedMembersV1.class));
            default -> log.debug("Skipping {} {}: not a command member-service takes", command.type(), command.id());
        }
    }

    private void joinWriters(ReceivedCommand command, JoinWritersV1 data) {
        audit(command, data.importId(), data.initiator());
        var importId = data.importId();
        var writers = data.writers().stream()
                .map(writer -> new Writer(writer.displayName(), writer.account()))
                .toList();
        receiver.handleOnce(
                command,
                () -> reply(
                        importId,
                        "writers-joined",
                        new WritersJoinedV1(importId, command.id(), members(imports.joinWriters(importId, writers)))),
                failure -> failure instanceof WriterCannotJoinException
                        ? Optional.of(reply(
                                importId,
                                "writers-refused",
                                new WritersRefusedV1(importId, command.id(), failure.getMessage())))
                        : Optional.empty()); // not the writers' fault: retried
    }

    private static List<JoinedMemberV1> members(List<JoinedWriter> joined) {
        return joined.stream()
                .map(writer -> new JoinedMemberV1(writer.displayName(), writer.memberId(), writer.created()))
                .toList();
    }

    private void removeImportedMembers(ReceivedCommand command, RemoveImportedMembersV1 data) {
        audit(command, data.importId(), data.initiator());
        receiver.handleOnce(
                command,
                () -> reply(
                        data.importId(),
                        "imported-members-removed",
                        new ImportedMembersRemovedV1(
                                data.importId(), command.id(), imports.removeImportedMembers(data.importId()))),
                failure -> Optional.empty()); // undoing is never refused: a failure is retried
    }

    /** A reply to the orchestrator, keyed by the import, so one import's replies stay in order. */
    private static Reply reply(UUID importId, String name, Object data) {
        return new Reply(
                CommandTopics.IMPORT_REPLIES,
                "import",
                importId.toString(),
                EventType.v1("member", "import." + name),
                data);
    }

    private <T> T data(ReceivedCommand command, Class<T> type) {
        try {
            return json.readValue(command.data(), type);
        } catch (RuntimeException e) {
            throw new MalformedCommandException(
                    "Unreadable data of " + command.type() + " " + command.id() + ": " + e.getMessage(), e);
        }
    }

    /** Who started the import, as the token that started it named them, for the audit log. */
    private static void audit(ReceivedCommand command, UUID importId, String initiator) {
        AUDIT.atInfo()
                .addKeyValue("audit.who", initiator)
                .addKeyValue("audit.what", command.type())
                .addKeyValue("audit.command_id", command.id())
                .log("{} for import {} by {} (command {})", command.type(), importId, initiator, command.id());
    }
}
