package dev.studyboard.outbox;

import dev.studyboard.outbox.CloudEventsKafkaPublisher.OutboxPublishException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Message relay of the transactional outbox: publishes committed outbox rows to Kafka and marks them
 * published, in one database transaction per batch.
 *
 * <ul>
 *   <li>At least once: a row is marked only after Kafka acknowledged it. If Kafka is down, the rows wait and
 *       the relay retries with growing pauses until Kafka is back; nothing is counted against them.</li>
 *   <li>Poison events: a row that can never be published (larger than Kafka accepts, say) is parked with its
 *       reason at once, a row Kafka refuses for another reason after {@code max-attempts}. It stops blocking
 *       the relay, and other aggregates keep flowing; the later rows of its own aggregate wait behind it, so
 *       their order stays intact, until an operator retries or discards it ({@link OutboxEndpoint}).</li>
 *   <li>Fast: it sleeps until {@link #wakeUp()} (PostgreSQL NOTIFY at commit) or, as a safety net, the
 *       poll interval, and drains batches back to back while there are any.</li>
 *   <li>Clean shutdown: {@link #stop()} lets the batch in flight finish, so nothing is sent twice needlessly.</li>
 * </ul>
 */
public class OutboxRelay extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final OutboxStore store;
    private final CloudEventsKafkaPublisher publisher;
    private final TransactionTemplate transaction;
    private final OutboxProperties properties;
    private final Counter published;
    private final Counter failures;

    private final Semaphore wakeUps = new Semaphore(0);

    OutboxRelay(
            OutboxStore store,
            CloudEventsKafkaPublisher publisher,
            TransactionTemplate transaction,
            OutboxProperties properties,
            MeterRegistry meters) {
        // A stop waits for the batch in flight, which Kafka acknowledges within the send timeout or fails.
        super(
                "outbox-relay",
                properties.retryBackOff(),
                properties.sendTimeout().plusSeconds(1));
        this.store = store;
        this.publisher = publisher;
        this.transaction = transaction;
        this.properties = properties;
        this.published = Counter.builder("outbox.events.published")
                .description("Events the relay published to Kafka")
                .register(meters);
        this.failures = Counter.builder("outbox.publish.failures")
                .description("Relay batches retried after a pause (Kafka unreachable, a row refused)")
                .register(meters);
    }

    /** Asks the relay to look for new events now instead of at the next poll. Cheap; safe from any thread. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Publishes one batch of pending events: marks what Kafka acknowledged, and records on the first row it did
     * not why, parking that row if it is poison or has used up its attempts.
     *
     * @return how many events were claimed; 0 when there was nothing to send
     * @throws OutboxPublishException after the transaction committed, when a row failed and was not parked: the
     *     relay pauses before it tries again
     */
    int relayBatch() {
        var round = transaction.execute(status -> {
            var batch = store.claim(properties.batchSize());
            if (batch.isEmpty()) {
                return new Round(0, 0, Optional.empty());
            }
            var delivery = publisher.publish(batch);
            store.markPublished(delivery.acknowledged());
            delivery.failure().ifPresent(this::recordOnItsRow);
            var retryLater = delivery.failure().filter(failure -> !failure.parks(properties.maxAttempts()));
            return new Round(batch.size(), delivery.acknowledged().size(), retryLater);
        });
        published.increment(round.published());
        if (round.retryLater().isPresent()) {
            var failure = round.retryLater().get();
            throw new OutboxPublishException(
                    "Kafka did not take event " + failure.event().id() + ": " + failure.reason(), failure.cause());
        }
        return round.claimed();
    }

    private record Round(int claimed, int published, Optional<FailedSend> retryLater) {}

    /** Keeps why the row failed (counted as an attempt unless Kafka was unavailable); parks it if it must. */
    private void recordOnItsRow(FailedSend failure) {
        var verdict = failure.verdict();
        store.recordFailure(failure.event(), failure.reason(), verdict != FailedSend.Verdict.KAFKA_UNAVAILABLE);
        if (!failure.parks(properties.maxAttempts())) {
            return;
        }
        var reason = verdict == FailedSend.Verdict.POISON
                ? failure.reason()
                : "Refused " + properties.maxAttempts() + " times, last: " + failure.reason();
        store.park(failure.event(), reason);
        log.error(
                "Parked outbox event {} ({}, {} {}); the later events of its aggregate wait until it is retried or"
                        + " discarded: {}",
                failure.event().id(),
                failure.event().type(),
                failure.event().aggregateType(),
                failure.event().aggregateId(),
                reason);
    }

    /** Publishes batches back to back while there are any, then sleeps until woken or the poll interval is up. */
    @Override
    void work() throws InterruptedException {
        int claimed;
        do {
            claimed = relayBatch();
            // Not "while the batch is full": replicas that meet on the same candidates each get a part of them.
        } while (claimed > 0 && isRunning());
        if (wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }

    /** Kafka did not take a row (or the database failed): it waits for the retry, after a pause. */
    @Override
    void failed(Exception failure, Duration retryIn) {
        failures.increment();
        log.warn("Outbox relay could not publish; retrying in {} ms: {}", retryIn.toMillis(), failure.toString());
    }

    @Override
    void stopping() {
        wakeUp();
    }

    /**
     * Stops after the web server has finished its last requests (phases above this), so their events
     * still go out; the datasource and the Kafka producer are closed only after all lifecycles stopped.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
