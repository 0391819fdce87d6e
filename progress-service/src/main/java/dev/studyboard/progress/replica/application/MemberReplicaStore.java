package dev.studyboard.progress.replica.application;

import java.util.OptionalLong;
import java.util.UUID;

/** Port to this service's copy of the members: display name, active or not, version. */
public interface MemberReplicaStore {

    /** The member's version applied last; empty if never seen. */
    OptionalLong version(UUID memberId);

    void insert(UUID memberId, long version, String displayName);

    void rename(UUID memberId, long version, String displayName);

    void markLeft(UUID memberId, long version);
}
