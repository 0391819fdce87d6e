package dev.studyboard.progress.replica.application;

import java.util.Optional;
import java.util.UUID;

/** Port to this service's copy of the members: display name, account (if any), active or not, version. */
public interface MemberReplicaStore {

    /** The member's version applied last; empty if never seen. */
    Optional<ReplicaVersion> version(UUID memberId);

    /** @param account the token subject that acts as this member; {@code null} if the event had none */
    void insert(UUID memberId, long version, String displayName, String account);

    void rename(UUID memberId, long version, String displayName);

    void markLeft(UUID memberId, long version);

    /** The member is gone: removed by the import that created them (compensation). */
    void delete(UUID memberId);
}
