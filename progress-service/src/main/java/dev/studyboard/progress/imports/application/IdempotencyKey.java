package dev.studyboard.progress.imports.application;

import java.util.Objects;

/**
 * A client's {@code Idempotency-Key}, scoped to who sent it: two callers may pick the same key without meeting.
 *
 * @param caller             the token's subject
 * @param key                the header's value
 * @param requestFingerprint a digest of the request, to tell a retry (same request) from a reuse (another one)
 */
public record IdempotencyKey(String caller, String key, String requestFingerprint) {

    public IdempotencyKey {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(requestFingerprint, "requestFingerprint");
    }
}
