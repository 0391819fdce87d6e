package dev.studyboard.member.service;

/** The client's If-Match version is not the member's current version: it changes what it has not seen. */
public class StaleMemberVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleMemberVersionException(long expected, long currentVersion) {
        super("The member is at version " + currentVersion + ", not " + expected + "; read it again and retry");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
