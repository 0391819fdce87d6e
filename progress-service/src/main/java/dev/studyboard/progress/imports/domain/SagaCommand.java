package dev.studyboard.progress.imports.domain;

import java.util.List;
import java.util.UUID;

/**
 * A command the orchestrator sends to a participant. Its {@code id} is kept while the import waits for the
 * reply: a retry sends the same id again, so the participant recognises it, and a reply naming another id is
 * not the awaited one.
 */
public sealed interface SagaCommand {

    UUID id();

    UUID importId();

    /** What kind of command it is, to store while waiting and to rebuild the same command for a retry. */
    Kind kind();

    enum Kind {
        REGISTER_BOOK,
        REMOVE_BOOK,
        JOIN_WRITERS,
        REMOVE_IMPORTED_MEMBERS
    }

    record RegisterBook(UUID id, UUID importId, UUID bookId, ImportedBoard board, String initiator)
            implements SagaCommand {
        public Kind kind() {
            return Kind.REGISTER_BOOK;
        }
    }

    record RemoveBook(UUID id, UUID importId, UUID bookId, String initiator) implements SagaCommand {
        public Kind kind() {
            return Kind.REMOVE_BOOK;
        }
    }

    record JoinWriters(UUID id, UUID importId, List<ImportedBoard.Writer> writers, String initiator)
            implements SagaCommand {
        public Kind kind() {
            return Kind.JOIN_WRITERS;
        }
    }

    record RemoveImportedMembers(UUID id, UUID importId, String initiator) implements SagaCommand {
        public Kind kind() {
            return Kind.REMOVE_IMPORTED_MEMBERS;
        }
    }
}
