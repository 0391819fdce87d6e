package dev.studyboard.outbox;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Deletes published outbox rows older than the retention, on a schedule, so the table stays small. */
class OutboxCleaner implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleaner.class);

    private final OutboxStore store;
    private final OutboxProperties properties;
    private final Clock clock;
    private volatile ScheduledExecutorService scheduler;

    OutboxCleaner(OutboxStore store, OutboxProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    /** @return how many published rows were deleted */
    int clean() {
        int deleted = store.deletePublishedBefore(clock.instant().minus(properties.retention()));
        if (deleted > 0) {
            log.debug("Deleted {} published outbox rows", deleted);
        }
        return deleted;
    }

    private void cleanQuietly() {
        try {
            clean();
        } catch (RuntimeException e) {
            log.warn("Outbox cleanup failed, will try again: {}", e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
                var thread = new Thread(task, "outbox-cleaner");
                thread.setDaemon(true);
                return thread;
            });
            long interval = properties.cleanupInterval().toMillis();
            scheduler.scheduleWithFixedDelay(this::cleanQuietly, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
