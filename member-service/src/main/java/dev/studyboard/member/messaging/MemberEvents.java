package dev.studyboard.member.messaging;

import dev.studyboard.member.messaging.MemberEventMessages.MemberJoinedV1;
import dev.studyboard.member.messaging.MemberEventMessages.MemberLeftV1;
import dev.studyboard.member.messaging.MemberEventMessages.MemberRemovedV1;
import dev.studyboard.member.messaging.MemberEventMessages.MemberRenamedV1;
import dev.studyboard.member.model.Member;
import dev.studyboard.outbox.EventType;
import dev.studyboard.outbox.Outbox;
import dev.studyboard.outbox.OutboxEvent;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events member-service publishes, its messaging layer beside the repository: the service calls it in the
 * transaction of each change, it appends the event to the transactional outbox, and the outbox relay sends it to
 * {@code member.events} after the commit. Called with the member as saved, so {@code memberVersion} is the stored
 * version, the one the ETag shows.
 */
@Component
public class MemberEvents {

    private final Outbox outbox;

    MemberEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void joined(Member member) {
        append(
                member,
                "joined",
                member.joinedAt(),
                new MemberJoinedV1(
                        member.id(),
                        member.version(),
                        member.displayName(),
                        null, // the e-mail stays in member-service (MemberJoinedV1)
                        member.joinedAt(),
                        member.account().orElse(null)));
    }

    public void renamed(Member member, Instant at) {
        append(member, "renamed", at, new MemberRenamedV1(member.id(), member.version(), member.displayName()));
    }

    public void left(Member member) {
        var leftAt = member.leftAt().orElseThrow();
        append(member, "left", leftAt, new MemberLeftV1(member.id(), member.version(), leftAt));
    }

    /**
     * The member was deleted (an import that created them was undone). Deleting is one more change, so the event
     * carries the version after it, one above the stored one: a replica that applied the last change applies this.
     */
    public void removed(Member member, Instant at) {
        append(member, "removed", at, new MemberRemovedV1(member.id(), member.version() + 1));
    }

    /** A member's event named {@code studyboard.member.<name>}, its data in version 1 of the contract. */
    private void append(Member member, String name, Instant occurredAt, Object data) {
        outbox.append(new OutboxEvent(
                UUID.randomUUID(), "member", member.id().toString(), EventType.v1("member", name), data, occurredAt));
    }
}
