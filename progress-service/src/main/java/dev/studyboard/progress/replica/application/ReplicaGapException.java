package dev.studyboard.progress.replica.application;

/**
 * An event refers to a book or member this replica has never heard of: an earlier event is missing. It is
 * retried (the earlier one may still be on its way) and then dead-lettered for someone to look at.
 */
public class ReplicaGapException extends RuntimeException {

    public ReplicaGapException(String message) {
        super(message);
    }
}
