package dev.studyboard.outbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Settings of the outbox ({@code studyboard.outbox.*}).
 *
 * @param topic           the service's own event topic (required): every event it appends goes there, and it
 *                        is created at start-up, retained, with {@code studyboard.topics.partitions}/{@code replicas}
 * @param source          CloudEvents {@code source} of every event this service publishes
 * @param batchSize       most events published in one relay transaction
 * @param pollInterval    safety-net polling when no notification arrives
 * @param listen          wake up on PostgreSQL {@code NOTIFY} as soon as events commit
 * @param sendTimeout     how long a batch may wait for Kafka's acknowledgements before it is retried
 * @param maxBackoff      longest pause between retries while Kafka is unreachable
 * @param maxAttempts     how many times Kafka may refuse a row before the relay parks it; a row that can never
 *                        be sent (too large) is parked at once, and an unreachable Kafka counts against no row
 * @param retention       how long published rows are kept (for inspection) before the cleaner deletes them
 * @param cleanupInterval how often the cleaner runs
 */
@ConfigurationProperties("studyboard.outbox")
public record OutboxProperties(
        String topic,
        URI source,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("true") boolean listen,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1d") Duration retention,
        @DefaultValue("10m") Duration cleanupInterval) {

    public OutboxProperties {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("studyboard.outbox.topic is required: the topic this service writes to");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("studyboard.outbox.max-attempts must be 1 or more: " + maxAttempts);
        }
    }

    /** The relay's pauses while Kafka is unreachable: 200 ms, doubling, at most {@code maxBackoff}. */
    BackOff retryBackOff() {
        var backOff = new ExponentialBackOff(200, 2);
        backOff.setMaxInterval(maxBackoff.toMillis());
        return backOff;
    }
}
