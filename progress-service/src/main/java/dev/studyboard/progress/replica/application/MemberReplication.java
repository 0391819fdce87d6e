package dev.studyboard.progress.replica.application;

import dev.studyboard.progress.replica.api.MemberLeftGroup;
import dev.studyboard.progress.replica.application.MemberChange.MemberJoined;
import dev.studyboard.progress.replica.application.MemberChange.MemberLeft;
import dev.studyboard.progress.replica.application.MemberChange.MemberRenamed;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the replica of the members this service needs (names for the board, who is still active, which account
 * acts as which member) in step with {@code member.events}, each event applied once and in order ({@link
 * IdempotentConsumer}). A member who leaves is announced ({@link MemberLeftGroup}) in the same transaction, so
 * their open write-ups are released with it.
 */
@Service
public class MemberReplication {

    private final IdempotentConsumer consumer;
    private final MemberReplicaStore members;
    private final ApplicationEventPublisher events;

    MemberReplication(IdempotentConsumer consumer, MemberReplicaStore members, ApplicationEventPublisher events) {
        this.consumer = consumer;
        this.members = members;
        this.events = events;
    }

    @Transactional
    public void apply(ReceivedEvent event, MemberChange change) {
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
            events.publishEvent(new MemberLeftGroup(memberId));
        }
    }
}
