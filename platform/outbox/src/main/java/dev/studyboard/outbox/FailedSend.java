package dev.studyboard.outbox;

import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.springframework.core.NestedExceptionUtils;

/**
 * Poison message detection, on the way out: an outbox row Kafka did not acknowledge, and why. Its {@link Verdict}
 * decides whether the row waits, counts an attempt, or is parked as poison.
 */
record FailedSend(PendingEvent event, Throwable cause) {

    enum Verdict {
        /**
         * Kafka is unreachable, busy or refuses this producer altogether (timeouts, no leader, failed login):
         * nothing is wrong with the row. Tried again without limit and never counted, so a broker that is down
         * parks nothing.
         */
        KAFKA_UNAVAILABLE,
        /**
         * The row itself can never be sent, whatever Kafka's state: larger than Kafka accepts, not serializable,
         * or addressed to an invalid topic name. Parked at once.
         */
        POISON,
        /** Kafka refused the row for another reason (e.g. not authorized for its topic): counted, parked at the limit. */
        REFUSED
    }

    Verdict verdict() {
        for (var failure = cause; failure != null; failure = failure.getCause()) {
            if (failure instanceof RecordTooLargeException
                    || failure instanceof SerializationException
                    || failure instanceof InvalidTopicException) {
                return Verdict.POISON;
            }
            if (failure instanceof RetriableException
                    || failure instanceof TimeoutException
                    || failure instanceof AuthenticationException
                    || failure instanceof ClusterAuthorizationException
                    || failure instanceof InterruptException) {
                return Verdict.KAFKA_UNAVAILABLE;
            }
        }
        return Verdict.REFUSED;
    }

    /** Whether this failure parks the row: poison at once, a refusal when it reaches {@code maxAttempts}. */
    boolean parks(int maxAttempts) {
        return switch (verdict()) {
            case POISON -> true;
            case REFUSED -> event.attempts() + 1 >= maxAttempts;
            case KAFKA_UNAVAILABLE -> false;
        };
    }

    /** The most specific cause, as the row's {@code last_error} and {@code park_reason} keep it. */
    String reason() {
        return NestedExceptionUtils.getMostSpecificCause(cause).toString();
    }
}
