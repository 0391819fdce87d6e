package dev.studyboard.progress.assignment.api;

import java.util.List;
import java.util.UUID;

/**
 * Records the work of a whole board at once, as an import brings it: who writes each section up, and which are
 * done. Runs in the caller's transaction, so the import's step and the work commit together.
 */
public interface RecordedWork {

    /**
     * Gives each section to its writer and marks the done ones done, each with its events, as the organizer
     * would one by one.
     *
     * @throws WorkNotRecordedException if a section or a writer is unknown here, or a section cannot take it
     */
    void record(UUID bookId, List<Work> work);

    /** One section's work: its writer (a member id) and whether the write-up is done. */
    record Work(String item, UUID memberId, boolean done) {}

    /** The work could not be recorded; the caller's transaction should not commit any of it. */
    class WorkNotRecordedException extends RuntimeException {
        public WorkNotRecordedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
