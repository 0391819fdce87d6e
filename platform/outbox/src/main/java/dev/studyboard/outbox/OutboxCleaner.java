package dev.studyboard.outbox;

import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.backoff.FixedBackOff;

/** Deletes published outbox rows older than the retention, once every cleanup interval, so the table stays small. */
class OutboxCleaner extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxCleaner.class);

    private final OutboxStore store;
    private final OutboxProperties properties;
    private final Clock clock;

    OutboxCleaner(OutboxStore store, OutboxProperties properties, Clock clock) {
        // No extra pause after a failure: every round waits a whole interval before it cleans.
        super("outbox-cleaner", new FixedBackOff(0), Duration.ofSeconds(1));
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

    @Override
    void work() {
        if (!awaitStop(properties.cleanupInterval())) {
            clean();
        }
    }

    @Override
    void failed(Exception failure, Duration retryIn) {
        log.warn("Outbox cleanup failed; trying again after the next interval: {}", failure.toString());
    }
}
