package dev.studyboard.progress.replica.application;

import java.util.Set;
import java.util.UUID;

/** Port to the replicas as a whole, for a rebuild. */
public interface ReplicaTables {

    /**
     * Empties the book and member replicas and forgets which upstream events were applied, in the caller's
     * transaction.
     *
     * @return the ids of the events that had been applied
     */
    Set<UUID> empty();

    /** How much the replicas hold now. */
    Size size();

    /** @param books books on the board (not removed) @param members members, those who left included */
    record Size(long books, long members) {}
}
