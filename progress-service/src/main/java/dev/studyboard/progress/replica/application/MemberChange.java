package dev.studyboard.progress.replica.application;

import java.util.UUID;

/** The member-service events this service reads, with the member's version after each change. */
public sealed interface MemberChange {

    UUID memberId();

    long memberVersion();

    /**
     * @param account the account the member signs in with (the token's subject); {@code null} in an event from
     *     before accounts existed, which still applies
     */
    record MemberJoined(UUID memberId, long memberVersion, String displayName, String account)
            implements MemberChange {}

    record MemberRenamed(UUID memberId, long memberVersion, String displayName) implements MemberChange {}

    record MemberLeft(UUID memberId, long memberVersion) implements MemberChange {}

    /** Removed by member-service: an import that created the member was undone. */
    record MemberRemoved(UUID memberId, long memberVersion) implements MemberChange {}
}
