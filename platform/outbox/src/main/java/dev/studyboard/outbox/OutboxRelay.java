package dev.studyboard.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
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
 *   <li>At least once: a row is marked only after Kafka acknowledged it. If Kafka is down, the transaction
 *       rolls back, the rows wait, and the relay retries with growing pauses until Kafka is back.</li>
 *   <li>Fast: it sleeps until {@link #wakeUp()} (PostgreSQL NOTIFY at commit) or, as a safety net, the
 *       poll interval, and drains full batches back to back under load.</li>
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
                .description("Relay batches that Kafka did not acknowledge (retried)")
                .register(meters);
    }

    /** Asks the relay to look for new events now instead of at the next poll. Cheap; safe from any thread. */
    public void wakeUp() {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /**
     * Publishes one batch of pending events.
     *
     * @return how many events were published
     */
    int relayBatch() {
        Integer count = transaction.execute(status -> {
            var batch = store.claim(properties.batchSize());
            if (!batch.isEmpty()) {
                publisher.publish(batch);
                store.markPublished(batch);
            }
            return batch.size();
        });
        published.increment(count);
        return count;
    }

    /** Publishes batches back to back while they come full, then sleeps until woken or the poll interval is up. */
    @Override
    void work() throws InterruptedException {
        int count;
        do {
            count = relayBatch();
        } while (count == properties.batchSize() && isRunning());
        if (wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            wakeUps.drainPermits();
        }
    }

    /** Kafka did not acknowledge (or the database failed): the batch rolled back and waits for the retry. */
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
