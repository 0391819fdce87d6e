package dev.studyboard.progress.imports.domain;

import java.time.Duration;

/**
 * How long an import waits, and how often it tries: a participant that does not answer a step's command within
 * {@code reply} gets it again, up to {@code attempts} times in all, then the step fails. The replicas get
 * {@code replicas} to catch up. Undoing is retried without limit, at most {@code reply} apart: compensation must
 * not give up.
 */
public record SagaTimeouts(Duration reply, int attempts, Duration replicas) {

    public SagaTimeouts {
        if (reply.isNegative() || reply.isZero() || attempts < 1 || replicas.isNegative() || replicas.isZero()) {
            throw new IllegalArgumentException("Timeouts must be positive and attempts at least 1");
        }
    }
}
