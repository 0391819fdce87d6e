package dev.studyboard.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The outbox's health as metrics: how many events wait to be published ({@code outbox.backlog}) and how long
 * the oldest has waited ({@code outbox.oldest.unpublished.age}). A growing age means the relay cannot publish
 * (Kafka down, a failing row). One query answers both, at most once a second however often they are scraped.
 */
class OutboxMetrics {

    private static final long REFRESH_NANOS = Duration.ofSeconds(1).toNanos();

    private final OutboxStore store;
    private volatile OutboxStore.Backlog backlog = new OutboxStore.Backlog(0, Duration.ZERO);
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
