package dev.studyboard.member.service;

import dev.studyboard.member.model.Member;
import dev.studyboard.member.service.MemberEventMessages.MemberJoinedV1;
import dev.studyboard.member.service.MemberEventMessages.MemberLeftV1;
import dev.studyboard.member.service.MemberEventMessages.MemberRenamedV1;
import dev.studyboard.outbox.Outbox;
import dev.studyboard.outbox.OutboxEvent;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The events member-service publishes. Each is appended to the transactional outbox inside the transaction
 * of its change, and the outbox relay sends it to {@code member.events} after the commit (seed 002, 4.8
 * asynchronous event-based collaboration). Called with the member as saved, so {@code memberVersion} is the
 * stored version, the one the ETag shows.
 */
@Component
class MemberEvents {

    private final Outbox outbox;

    MemberEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void joined(Member member) {
        append(member, "joined", member.joinedAt(), new MemberJoinedV1(member.id(), member.version(),
                member.displayName(), member.email().orElse(null), member.joinedAt()));
    }

    void renamed(Member member, Instant at) {
        append(member, "renamed", at, new MemberRenamedV1(member.id(), member.version(), member.displayName()));
    }

    void left(Member member) {
        var leftAt = member.leftAt().orElseThrow();
        append(member, "left", leftAt, new MemberLeftV1(member.id(), member.version(), leftAt));
    }

    /** {@code type} is {@code studyboard.member.<name>}; the data schema names the contract and its version. */
    private void append(Member member, String name, Instant occurredAt, Object data) {
        outbox.append(new OutboxEvent(UUID.randomUUID(), MemberEventsTopic.NAME, "member", member.id().toString(),
                "studyboard.member." + name, URI.create("urn:studyboard:schema:member." + name + ":v1"), data,
                occurredAt));
    }
}
