package dev.studyboard.progress.replica.application;

/**
 * Where the replica stands with one book or member: the version it applied last, and whether the aggregate is
 * removed for good (a tombstone: no later event applies, so a late redelivery cannot bring it back).
 */
public record ReplicaVersion(long version, boolean removed) {}
