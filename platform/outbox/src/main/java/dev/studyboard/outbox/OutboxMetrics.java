package dev.studyboard.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's health as metrics: how many events wait to be published ({@code outbox.backlog}), how long
 * the oldest has waited ({@code outbox.oldest.unpublished.age}) and how many the relay parked as poison
 * ({@code outbox.events.parked}). A growing age means the relay cannot publish (Kafka down, a failing row, events
 * held back behind a parked one); a parked event waits for an operator. One query answers all three, at most once
 * a second however often they are scraped. All are registered from the start, at 0, so an alert on them reads a
 * series that exists.
 */
class OutboxMetrics {

    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final OutboxStore store;
    private volatile OutboxStore.Backlog backlog = new OutboxStore.Backlog(0, Duration.ZERO, 0);
    private volatile long readAt = System.nanoTime() - REFRESH_NANOS;

    OutboxMetrics(OutboxStore store, MeterRegistry meters) {
        this.store = store;
        Gauge.builder("outbox.backlog", this, metrics -> metrics.current().size())
                .description("Committed events not yet published to Kafka")
                .register(meters);
        TimeGauge.builder(
                        "outbox.oldest.unpublished.age",
                        this,
                        TimeUnit.MILLISECONDS,
                        metrics -> metrics.current().oldestAge().toMillis())
                .description("How long the oldest unpublished event has waited")
                .register(meters);
        Gauge.builder("outbox.events.parked", this, metrics -> metrics.current().parked())
                .description("Events the relay parked because Kafka will not take them (see /actuator/outbox)")
                .register(meters);
    }

    private OutboxStore.Backlog current() {
        long now = System.nanoTime();
        if (now - readAt >= REFRESH_NANOS) {
            try {
                backlog = store.backlog();
                readAt = now;
            } catch (RuntimeException e) {
                // the database is unreachable: keep showing the last reading rather than failing the scrape
            }
        }
        return backlog;
    }
}
