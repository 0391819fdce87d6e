package dev.studyboard.progress.replica.application;

import java.util.function.BiConsumer;

/**
 * Port to the retained topics {@code catalog.events} and {@code member.events}: they keep every event for good, so
 * they hold the whole history the replicas are built from.
 */
public interface RetainedEvents {

    /**
     * Reads both topics from their first record to (at least) the end they have now, handing each event the replicas
     * need to {@code catalog} or {@code members}: in order for each book and each member (one aggregate, one
     * partition). Records that are no readable event are skipped, as the listeners dead-letter them.
     *
     * @throws UnavailableException if the topics cannot be read to their end
     */
    Replayed replay(BiConsumer<ReceivedEvent, CatalogChange> catalog, BiConsumer<ReceivedEvent, MemberChange> members);

    /** @param records records read @param unreadable of those, the ones that were no readable event */
    record Replayed(long records, long unreadable) {}

    /** Kafka could not be read to the end in time: nothing is rebuilt. */
    class UnavailableException extends RuntimeException {

        public UnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
