package dev.studyboard.problems;

import java.util.OptionalLong;

/**
 * Optimistic locking at the API: the client's {@code If-Match} version is not the current one, so the change
 * would overwrite what the client has not seen. Every API answers it with 412 and the current version.
 */
public class StaleVersionException extends RuntimeException {

    private final long currentVersion;

    private StaleVersionException(String resource, long expectedVersion, long currentVersion) {
        super("The " + resource + " is at version " + currentVersion + ", not " + expectedVersion
                + "; read it again and retry");
        this.currentVersion = currentVersion;
    }

    /**
     * The {@code If-Match} check of a change: passes when the client expects no particular version (empty)
     * or the current one. {@code resource} names what is changed in the answer: "book", "member".
     */
    public static void throwIfStale(String resource, OptionalLong expectedVersion, long currentVersion) {
        if (expectedVersion.isPresent() && expectedVersion.getAsLong() != currentVersion) {
            throw new StaleVersionException(resource, expectedVersion.getAsLong(), currentVersion);
        }
    }

    public long currentVersion() {
        return currentVersion;
    }
}
