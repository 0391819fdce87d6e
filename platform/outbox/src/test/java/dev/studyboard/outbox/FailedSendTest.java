package dev.studyboard.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.outbox.FailedSend.Verdict;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NetworkException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.KafkaException;

/** How the relay judges a row Kafka did not take: wait, count an attempt, or park it. */
@DisplayName("A failed send")
class FailedSendTest {

    private static final int MAX_ATTEMPTS = 5;

    @Nested
    @DisplayName("while Kafka is unavailable")
    class KafkaUnavailable {

        @Test
        @DisplayName("is nothing wrong with the row: never counted, never parked, however often it happens")
        void neverParks() {
            var failures = new Throwable[] {
                new TimeoutException("Expiring 1 record(s): 10000 ms has passed since batch creation"),
                new NetworkException("Disconnected"),
                new NotEnoughReplicasException("1 in sync, 2 required"),
                new SaslAuthenticationException("Authentication failed"),
                new java.util.concurrent.TimeoutException("Kafka did not answer within 15000 ms")
            };

            for (var failure : failures) {
                var failed = failedAfter(MAX_ATTEMPTS + 10, failure);

                assertThat(failed.verdict()).as(failure.toString()).isEqualTo(Verdict.KAFKA_UNAVAILABLE);
                assertThat(failed.parks(MAX_ATTEMPTS)).as(failure.toString()).isFalse();
            }
        }
    }

    @Nested
    @DisplayName("of a row that can never be sent")
    class Poison {

        @Test
        @DisplayName("parks it at the first attempt: too large, not serializable, an invalid topic name")
        void parksAtOnce() {
            var failures = new Throwable[] {
                new RecordTooLargeException("The message is 1100141 bytes when serialized which is larger than"
                        + " 1048576, which is the value of the max.request.size configuration."),
                new SerializationException("Can't convert value of class"),
                new InvalidTopicException("Invalid topics: [not a topic]")
            };

            for (var failure : failures) {
                var failed = failedAfter(0, failure);

                assertThat(failed.verdict()).as(failure.toString()).isEqualTo(Verdict.POISON);
                assertThat(failed.parks(MAX_ATTEMPTS)).as(failure.toString()).isTrue();
            }
        }

        @Test
        @DisplayName("is recognised inside the wrappers Spring Kafka puts around it, and reported by its own message")
        void unwrapped() {
            var tooLarge = new RecordTooLargeException("The message is 1100141 bytes when serialized");
            var failed = failedAfter(0, new KafkaException("Send failed", tooLarge));

            assertThat(failed.verdict()).isEqualTo(Verdict.POISON);
            assertThat(failed.reason())
                    .isEqualTo("org.apache.kafka.common.errors.RecordTooLargeException: The message is 1100141 bytes"
                            + " when serialized");
        }
    }

    @Nested
    @DisplayName("that Kafka refused for another reason")
    class Refused {

        @Test
        @DisplayName("counts, and parks the row at the max-attempts-th refusal")
        void parksAtTheLimit() {
            var notAuthorized = new TopicAuthorizationException("Not authorized to access topics: [other.commands]");

            assertThat(failedAfter(0, notAuthorized).verdict()).isEqualTo(Verdict.REFUSED);
            assertThat(failedAfter(MAX_ATTEMPTS - 2, notAuthorized).parks(MAX_ATTEMPTS))
                    .isFalse();
            assertThat(failedAfter(MAX_ATTEMPTS - 1, notAuthorized).parks(MAX_ATTEMPTS))
                    .isTrue();
        }
    }

    /** A send of a row that Kafka already refused {@code attempts} times, failing with {@code cause}. */
    private static FailedSend failedAfter(int attempts, Throwable cause) {
        var event = new PendingEvent(
                1,
                UUID.randomUUID(),
                OutboxTestApplication.TOPIC,
                "test",
                "failing",
                TestEvents.STEP.cloudEventsType(),
                TestEvents.STEP.dataSchema().toString(),
                "{}",
                Map.of(),
                Instant.now(),
                attempts);
        return new FailedSend(event, cause);
    }
}
