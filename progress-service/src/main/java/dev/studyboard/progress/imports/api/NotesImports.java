package dev.studyboard.progress.imports.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Imports of study notes started by the person signed in (the verified token of the current request). */
public interface NotesImports {

    /**
     * The longest notes an import takes, in characters: far more than a book's board (the seeds are about 5,000), and
     * small enough that the book's command, at up to 3 bytes a character, stays under Kafka's 1 MiB message limit.
     */
    int MAX_NOTES = 200_000;

    /**
     * Starts the import saga, or answers the import this key started before with the same notes.
     *
     * @throws NotesNotReadableException naming each line that cannot be translated; nothing started
     * @throws KeyReusedException if the key started an import of other notes
     */
    UUID start(Notes notes, String idempotencyKey);

    /** Where an import is; empty if there is no such import. */
    Optional<ImportState> find(UUID importId);

    /**
     * @param text     the notes, in either form the study group writes: Markdown tables or a checklist
     * @param authors  who wrote the book (the notes do not say); may be empty
     * @param accounts a writer's display name → the account they sign in with; may be empty
     * @param reader   who did the ticked tasks of a checklist; may be null for tables
     */
    record Notes(String text, List<String> authors, Map<String, String> accounts, String reader) {}

    /** @param reason why it was undone, if it was */
    record ImportState(
            UUID id,
            String status,
            boolean finished,
            UUID bookId,
            String title,
            List<StepState> steps,
            Optional<String> reason) {}

    record StepState(String step, String state) {}

    class NotesNotReadableException extends RuntimeException {

        private final transient List<String> problems;

        public NotesNotReadableException(List<String> problems, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.problems = List.copyOf(problems);
        }

        /** Each problem as {@code line 6: what is wrong there}. */
        public List<String> problems() {
            return problems;
        }
    }

    class KeyReusedException extends RuntimeException {
        public KeyReusedException(RuntimeException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
