package dev.studyboard.progress.replica.application;

/**
 * An event the replica cannot apply because an earlier one is missing: it names a book or member never seen,
 * or it skips a version. (One aggregate's events arrive in order, so the earlier one was dead-lettered or lost.)
 * It is retried in case the cause is passing, then dead-lettered; replaying the dead letters in order repairs it.
 */
public class ReplicaGapException extends RuntimeException {

    public ReplicaGapException(String message) {
        super(message);
    }
}
