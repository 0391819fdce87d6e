package dev.studyboard.progress.replica.application;

/** Port to the record of events already applied (the idempotent consumer's memory). */
public interface ProcessedEvents {

    /**
     * Records the event as applied, in the caller's transaction.
     *
     * @return {@code false} if it was applied before: a duplicate delivery to ignore
     */
    boolean markProcessed(ReceivedEvent event);
}
