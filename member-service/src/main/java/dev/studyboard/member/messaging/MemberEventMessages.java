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

    record MemberJoinedV1(UUID memberId, long memberVersion, String displayName, String email, Instant joinedAt) {}

    record MemberRenamedV1(UUID memberId, long memberVersion, String displayName) {}

    record MemberLeftV1(UUID memberId, long memberVersion, Instant leftAt) {}
}
