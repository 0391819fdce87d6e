package dev.studyboard.progress.replica.application;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The member replica in a map. */
class InMemoryMemberReplicaStore implements MemberReplicaStore {

    record Member(long version, String displayName, String account, boolean active) {}

    private final Map<UUID, Member> members = new HashMap<>();

    /** The member as replicated, for a test to look at. */
    Optional<Member> member(UUID memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    @Override
    public Optional<ReplicaVersion> version(UUID memberId) {
        return member(memberId).map(member -> new ReplicaVersion(member.version(), false));
    }

    @Override
    public void insert(UUID memberId, long version, String displayName, String account) {
        members.put(memberId, new Member(version, displayName, account, true));
    }

    @Override
    public void rename(UUID memberId, long version, String displayName) {
        var member = members.get(memberId);
        members.put(memberId, new Member(version, displayName, member.account(), member.active()));
    }

    @Override
    public void markLeft(UUID memberId, long version) {
        var member = members.get(memberId);
        members.put(memberId, new Member(version, member.displayName(), member.account(), false));
    }

    @Override
    public void delete(UUID memberId) {
        members.remove(memberId);
    }
}
