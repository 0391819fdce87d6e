package dev.studyboard.catalog.book.application;

/** The client's If-Match version is not the book's current version: it edits what it has not seen. */
public class StaleBookVersionException extends RuntimeException {

    private final long currentVersion;

    public StaleBookVersionException(long expected, long currentVersion) {
        super("The book is at version " + currentVersion + ", not " + expected + "; read it again and retry");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
