package dev.studyboard.progress.imports.adapter.out.messaging;

import dev.studyboard.outbox.EventType;
import dev.studyboard.outbox.Outbox;
import dev.studyboard.outbox.OutboxEvent;
import dev.studyboard.progress.imports.adapter.out.messaging.ImportCommandMessages.ChapterData;
import dev.studyboard.progress.imports.adapter.out.messaging.ImportCommandMessages.JoinWritersV1;
import dev.studyboard.progress.imports.adapter.out.messaging.ImportCommandMessages.RegisterBookV1;
import dev.studyboard.progress.imports.adapter.out.messaging.ImportCommandMessages.RemoveBookV1;
import dev.studyboard.progress.imports.adapter.out.messaging.ImportCommandMessages.RemoveImportedMembersV1;
import dev.studyboard.progress.imports.adapter.out.messaging.ImportCommandMessages.SectionData;
import dev.studyboard.progress.imports.adapter.out.messaging.ImportCommandMessages.WriterData;
import dev.studyboard.progress.imports.application.SagaCommands;
import dev.studyboard.progress.imports.domain.SagaCommand;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * Sends the import's commands to the participants' command topics through the transactional outbox: the
 * orchestrator's new state and its command commit together, so a command is sent exactly when the import decided
 * it, also if the service dies right after.
 */
@Component
class OutboxSagaCommands implements SagaCommands {

    static final String CATALOG_COMMANDS = "catalog.commands";
    static final String MEMBER_COMMANDS = "member.commands";

    /** The book's language, as the notes of this study group are written; the catalog can correct it later. */
    private static final String NOTES_LANGUAGE = "ko";

    private final Outbox outbox;
    private final Clock clock;

    OutboxSagaCommands(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public void send(SagaCommand command) {
        if (command instanceof SagaCommand.RegisterBook c) {
            send(CATALOG_COMMANDS, c, "import.register-book", registerBook(c));
        } else if (command instanceof SagaCommand.RemoveBook c) {
            send(CATALOG_COMMANDS, c, "import.remove-book", new RemoveBookV1(c.importId(), c.bookId(), c.initiator()));
        } else if (command instanceof SagaCommand.JoinWriters c) {
            send(
                    MEMBER_COMMANDS,
                    c,
                    "import.join-writers",
                    new JoinWritersV1(
                            c.importId(),
                            c.writers().stream()
                                    .map(writer -> new WriterData(writer.displayName(), writer.account()))
                                    .toList(),
                            c.initiator()));
        } else if (command instanceof SagaCommand.RemoveImportedMembers c) {
            send(
                    MEMBER_COMMANDS,
                    c,
                    "import.remove-imported-members",
                    new RemoveImportedMembersV1(c.importId(), c.initiator()));
        }
    }

    private static RegisterBookV1 registerBook(SagaCommand.RegisterBook command) {
        var board = command.board();
        return new RegisterBookV1(
                command.importId(),
                command.bookId(),
                board.title(),
                board.authors(),
                null,
                NOTES_LANGUAGE,
                board.chapters().stream()
                        .map(chapter -> new ChapterData(
                                chapter.number(),
                                chapter.title(),
                                chapter.sections().stream()
                                        .map(section ->
                                                new SectionData(section.item(), section.title(), section.page()))
                                        .toList()))
                        .toList(),
                command.initiator());
    }

    /** The command's id is the CloudEvent's id, the import its key and subject: one import's commands in order. */
    private void send(String topic, SagaCommand command, String name, Object data) {
        outbox.appendOrResend( // a retry is the same command again, same id
                topic,
                new OutboxEvent(
                        command.id(),
                        "import",
                        command.importId().toString(),
                        EventType.v1("progress", name),
                        data,
                        clock.instant()));
    }
}
