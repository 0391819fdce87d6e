package dev.studyboard.outbox;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the outbox relay ({@code studyboard.outbox.*}).
 *
 * @param source          CloudEvents {@code source} of every event this service publishes
 * @param batchSize       most events published in one relay transaction
 * @param pollInterval    safety-net polling when no notification arrives
 * @param listen          wake up on PostgreSQL {@code NOTIFY} as soon as events commit
 * @param sendTimeout     how long a batch may wait for Kafka's acknowledgements before it is retried
 * @param maxBackoff      longest pause between retries while Kafka is unreachable
 * @param retention       how long published rows are kept (for inspection) before the cleaner deletes them
 * @param cleanupInterval how often the cleaner runs
 */
@ConfigurationProperties("studyboard.outbox")
public record OutboxProperties(
        URI source,
        @DefaultValue("500") int batchSize,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("true") boolean listen,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue("10s") Duration maxBackoff,
        @DefaultValue("1d") Duration retention,
        @DefaultValue("10m") Duration cleanupInterval) {
}
