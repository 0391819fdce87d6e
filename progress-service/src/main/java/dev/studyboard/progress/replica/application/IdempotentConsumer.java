package dev.studyboard.progress.replica.application;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Idempotent consumer: each upstream event about a book or a member changes the replica once, and in order. The
 * event's id is recorded in the transaction that applies it, so a redelivery changes nothing; the aggregate's
 * version tells old news (ignored) from the next change (applied) and from one that skips a version (refused:
 * an earlier event is missing, and the replica must never jump a change). Both replications follow these rules.
 */
@Component
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private final ProcessedEvents processed;

    IdempotentConsumer(ProcessedEvents processed) {
        this.processed = processed;
    }

    /**
     * Whether to apply {@code event}, which makes {@code aggregate} (named for messages: "book 3f2…") {@code
     * version}. Call it in the transaction that applies the event: it records the event as processed.
     *
     * @param creates whether the event brings the aggregate into being (a book registered, a member joined): it
     *                applies only to a replica that has never seen the aggregate; every other event needs one that has
     * @param replica where the replica stands with the aggregate; empty if it has never seen it
     * @throws ReplicaGapException if an earlier event is missing
     */
    public boolean admits(
            ReceivedEvent event, String aggregate, long version, boolean creates, Optional<ReplicaVersion> replica) {
        if (!processed.markProcessed(event)) {
            log.debug("Ignoring duplicate {} {}", event.type(), event.id());
            return false;
        }
        if (creates) {
            return replica.isEmpty(); // known already: there is nothing to create
        }
        var current = replica.orElseThrow(() ->
                new ReplicaGapException(event.type() + " for " + aggregate + ", which this replica has never seen"));
        if (current.removed() || version <= current.version()) {
            log.debug("Ignoring out-of-date {} ({} at version {})", event.type(), aggregate, current.version());
            return false;
        }
        if (version > current.version() + 1) { // every change raises the version by one
            throw new ReplicaGapException(event.type() + " makes " + aggregate + " version " + version
                    + ", but the replica is at " + current.version() + ": a change is missing");
        }
        return true;
    }
}
