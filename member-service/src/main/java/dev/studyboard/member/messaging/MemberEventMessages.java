package dev.studyboard.member.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * The published contract of {@code member.events}, version 1: the JSON data of each CloudEvent
 * (docs/events.md). progress-service reads it, so a field is only ever added, never renamed.
 * {@code memberVersion} is the member's stored version after the change.
 */
final class MemberEventMessages {

    private MemberEventMessages() {}

    /**
     * @param email   withdrawn, always {@code null}: be frugal (Building Microservices 9.6), no other service needs a
     *                member's e-mail, so it no longer leaves member-service. The field stays, so v1 consumers still
     *                read the event.
     * @param account added: the subject of the tokens of the person who is this member, or {@code null} if nobody
     *                signs in as them; progress-service finds "the caller's member" by it
     */
    record MemberJoinedV1(
            UUID memberId, long memberVersion, String displayName, String email, Instant joinedAt, String account) {}

    record MemberRenamedV1(UUID memberId, long memberVersion, String displayName) {}

    record MemberLeftV1(UUID memberId, long memberVersion, Instant leftAt) {}

    /** Added: the member no longer exists (only members an undone import created are removed). */
    record MemberRemovedV1(UUID memberId, long memberVersion) {}
}
