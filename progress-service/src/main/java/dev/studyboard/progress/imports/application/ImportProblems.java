package dev.studyboard.progress.imports.application;

import java.util.UUID;

/** What the import use cases refuse; the web adapter answers each as problem details. */
public final class ImportProblems {

    private ImportProblems() {}

    public static class ImportNotFoundException extends RuntimeException {
        public ImportNotFoundException(UUID id) {
            super("No import " + id);
        }
    }

    /** The key was used before for other notes: a retry must send the same request. */
    public static class IdempotencyKeyReusedException extends RuntimeException {
        public IdempotencyKeyReusedException(String key) {
            super("Idempotency-Key '" + key + "' was already used for another import");
        }
    }
}
