package dev.studyboard.progress.replica.application;

import dev.studyboard.progress.replica.api.MemberLeftGroup;
import dev.studyboard.progress.replica.application.MemberChange.MemberJoined;
import dev.studyboard.progress.replica.application.MemberChange.MemberLeft;
import dev.studyboard.progress.replica.application.MemberChange.MemberRemoved;
import dev.studyboard.progress.replica.application.MemberChange.MemberRenamed;
import java.util.function.Consumer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the replica of the members this service needs (names for the board, who is still active, which account
 * acts as which member) in step with {@code member.events}, each event applied once and in order ({@link
 * IdempotentConsumer}). A member who leaves is announced ({@link MemberLeftGroup}) in the same transaction, so
 * their open write-ups are released with it.
 */
@Service
public class MemberReplication {

    private final ReplicaLock lock;
    private final IdempotentConsumer consumer;
    private final MemberReplicaStore members;
    private final ApplicationEventPublisher events;

    MemberReplication(
            ReplicaLock lock,
            IdempotentConsumer consumer,
            MemberReplicaStore members,
            ApplicationEventPublisher events) {
        this.lock = lock;
        this.consumer = consumer;
        this.members = members;
        this.events = events;
    }

    @Transactional
    public void apply(ReceivedEvent event, MemberChange change) {
        lock.shared(); // first: a rebuild in progress is waited for before the replica is read
        apply(event, change, events::publishEvent);
    }

    /**
     * Applies an event again, in a rebuild ({@link ReplicaRebuild}), which holds the lock: in a savepoint of the
     * rebuild's transaction, so an event that fails is undone alone. {@code announce} is false for an event applied
     * before the rebuild: the member's open work was released when it first came.
     */
    @Transactional(propagation = Propagation.NESTED)
    public void replay(ReceivedEvent event, MemberChange change, boolean announce) {
        apply(event, change, announce ? events::publishEvent : alreadyAnnounced -> {});
    }

    private void apply(ReceivedEvent event, MemberChange change, Consumer<MemberLeftGroup> announce) {
        var memberId = change.memberId();
        if (!consumer.admits(
                event,
                "member " + memberId,
                change.memberVersion(),
                change instanceof MemberJoined,
                members.version(memberId))) {
            return;
        }
        if (change instanceof MemberJoined e) {
            members.insert(memberId, e.memberVersion(), e.displayName(), e.account());
        } else if (change instanceof MemberRenamed e) {
            members.rename(memberId, e.memberVersion(), e.displayName());
        } else if (change instanceof MemberLeft e) {
            members.markLeft(memberId, e.memberVersion()); // first: waits for requests still assigning to them
            announce.accept(new MemberLeftGroup(memberId));
        } else if (change instanceof MemberRemoved e) {
            // As for leaving: marked first, which locks the row, so no request can give them work meanwhile; then
            // any open work is released, and the row goes (redeliveries of earlier events are dropped by their ids).
            members.markLeft(memberId, e.memberVersion());
            announce.accept(new MemberLeftGroup(memberId));
            members.delete(memberId);
        }
    }
}
