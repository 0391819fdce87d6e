package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.domain.SectionRef;
import dev.studyboard.progress.replica.api.ReplicatedData;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The replicas' answers, as a test sets them: which sections exist, which members joined (with which account). */
class KnownReplicas implements ReplicatedData {

    private final Set<SectionRef> sections = new HashSet<>();
    private final Map<UUID, MemberStanding> members = new HashMap<>();
    private final Map<String, UUID> accounts = new HashMap<>();

    KnownReplicas section(SectionRef section) {
        sections.add(section);
        return this;
    }

    KnownReplicas member(UUID memberId, MemberStanding standing) {
        members.put(memberId, standing);
        return this;
    }

    KnownReplicas member(UUID memberId, MemberStanding standing, String account) {
        accounts.put(account, memberId);
        return member(memberId, standing);
    }

    @Override
    public boolean sectionExists(UUID bookId, String item) {
        return sections.contains(new SectionRef(bookId, item));
    }

    @Override
    public boolean bookExists(UUID bookId) {
        return sections.stream().anyMatch(section -> section.bookId().equals(bookId));
    }

    @Override
    public Optional<MemberStanding> member(UUID memberId) {
        return Optional.ofNullable(members.get(memberId));
    }

    @Override
    public Optional<AccountMember> memberByAccount(String account) {
        return Optional.ofNullable(accounts.get(account))
                .map(memberId -> new AccountMember(memberId, members.get(memberId)));
    }
}
