package dev.studyboard.progress.replica.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Backup data pump (seed 002, 5.18): rebuilds the replicas from the retained topics, which keep every event for
 * good and so are their backup. An operator's action, for replicas that drifted (a bug, a restored database, a dead
 * letter given up on).
 *
 * <p>One transaction empties the replicas, forgets which events were applied, and applies both topics again from
 * their first record through the listeners' own use cases, so the same idempotent consumer, versions and tombstones
 * decide. Why one transaction, under the {@link ReplicaLock} taken exclusively:
 *
 * <ul>
 *   <li>until it commits, the board reads the old replicas (PostgreSQL shows them to every other transaction), then
 *       the new ones at once: no moment with the books missing;
 *   <li>the lock is in the shared database, so it holds for every instance: the listeners of all of them wait (they
 *       then find the replayed events applied, and apply only later ones), and so do the requests answered from the
 *       replicas, which never see them half rebuilt;
 *   <li>if anything fails, it rolls back whole and the old replicas stay.
 * </ul>
 *
 * The price: for as long as it runs, taking or changing work waits, and so does the consumers' progress (each
 * holding a database connection); one long transaction must read the whole history. Seconds for a study group's
 * few thousand events. Much larger replicas would be built beside the old ones instead (shadow tables, swapped in
 * when complete), or by seeking the listeners to the start, which leaves the board empty until they catch up.
 *
 * <p>Removals are announced ({@code SectionsRemoved}, {@code MemberLeftGroup}) only for events new to the replicas.
 * One applied before was followed by the assignments when it first came; announced again it would do harm, e.g.
 * drop the work on a section removed once and added back since.
 */
@Service
public class ReplicaRebuild {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRebuild.class);

    private final ReplicaLock lock;
    private final ReplicaTables tables;
    private final RetainedEvents history;
    private final CatalogReplication catalog;
    private final MemberReplication members;
    private final TransactionOperations transactions;
    private final Clock clock;

    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Rebuilt last;

    ReplicaRebuild(
            ReplicaLock lock,
            ReplicaTables tables,
            RetainedEvents history,
            CatalogReplication catalog,
            MemberReplication members,
            TransactionOperations transactions,
            Clock clock) {
        this.lock = lock;
        this.tables = tables;
        this.history = history;
        this.catalog = catalog;
        this.members = members;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What a rebuild did: how many records it read, how many events it skipped, and what the replicas hold now. */
    public record Rebuilt(
            Instant startedAt, Instant finishedAt, long recordsRead, long eventsSkipped, long books, long members) {}

    /**
     * @param rebuilding whether this instance is rebuilding the replicas now
     * @param lastRebuild the last rebuild this instance ran since it started; {@code null} if none
     */
    public record Status(boolean rebuilding, Rebuilt lastRebuild, long books, long members) {}

    /** A rebuild is already running on this instance (one on another instance is waited for instead). */
    public static class RebuildRunningException extends RuntimeException {

        RebuildRunningException() {
            super("The replicas are being rebuilt already; look at the outcome when it is done");
        }
    }

    /**
     * Rebuilds the replicas and answers when they are complete.
     *
     * @throws RebuildRunningException if this instance is rebuilding them already
     * @throws RetainedEvents.UnavailableException if Kafka could not be read: the replicas stay as they were
     */
    public Rebuilt rebuild() {
        if (!running.compareAndSet(false, true)) {
            throw new RebuildRunningException();
        }
        try {
            var rebuilt = transactions.execute(transaction -> rebuildFromHistory(clock.instant()));
            last = rebuilt;
            log.info("Replicas rebuilt from the retained topics: {}", rebuilt);
            return rebuilt;
        } finally {
            running.set(false);
        }
    }

    public Status status() {
        var size = tables.size();
        return new Status(running.get(), last, size.books(), size.members());
    }

    private Rebuilt rebuildFromHistory(Instant startedAt) {
        lock.exclusive();
        Set<UUID> appliedBefore = tables.empty();
        var skipped = new AtomicLong();
        var replayed = history.replay(
                (event, change) -> replay(
                        event, skipped, () -> catalog.replay(event, change, !appliedBefore.contains(event.id()))),
                (event, change) -> replay(
                        event, skipped, () -> members.replay(event, change, !appliedBefore.contains(event.id()))));
        var size = tables.size();
        return new Rebuilt(
                startedAt,
                clock.instant(),
                replayed.records(),
                skipped.get() + replayed.unreadable(),
                size.books(),
                size.members());
    }

    /**
     * Skips an event the listeners dead-letter for good (an earlier one is missing, or it breaks a rule of the
     * replica), as they did when it first came. Anything else (the database, a bug) ends the rebuild, rolled back.
     */
    private static void replay(ReceivedEvent event, AtomicLong skipped, Runnable apply) {
        try {
            apply.run();
        } catch (ReplicaGapException | DataIntegrityViolationException e) {
            log.warn("Rebuild skips {} {}: {}", event.type(), event.id(), e.getMessage());
            skipped.incrementAndGet();
        }
    }
}
