package dev.studyboard.member.service;

import dev.studyboard.member.messaging.MemberEvents;
import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberStatus;
import dev.studyboard.member.repository.MemberRepository;
import dev.studyboard.problems.StaleVersionException;
import java.time.Clock;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The member use cases; each change is one transaction that saves the member and appends its event, so
 * both commit or neither does.
 *
 * <p>Layered architecture: it calls {@link MemberRepository} directly, with no port in
 * between, because a CRUD service with one entity and one database has nothing a port would let it swap.
 */
@Service
@Transactional
public class MemberService {

    private static final Sort BY_DISPLAY_NAME = Sort.by("displayName", "id");

    private final MemberRepository members;
    private final MemberEvents events;
    private final Clock clock;

    MemberService(MemberRepository members, MemberEvents events, Clock clock) {
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    public Member join(String displayName, String email) {
        var member = Member.join(displayName, email, clock.instant());
        if (member.email().isPresent() && members.isEmailTaken(member.email().get())) {
            throw new EmailTakenException();
        }
        Member joined;
        try {
            joined = members.save(member);
        } catch (DuplicateKeyException e) { // another join with this e-mail committed after our check
            throw new EmailTakenException();
        }
        events.joined(joined);
        return joined;
    }

    public Member rename(UUID id, OptionalLong expectedVersion, String displayName) {
        var member = current(id, expectedVersion);
        member.rename(displayName);
        var renamed = members.save(member);
        events.renamed(renamed, clock.instant());
        return renamed;
    }

    public Member leave(UUID id, OptionalLong expectedVersion) {
        var member = current(id, expectedVersion);
        member.leave(clock.instant());
        var left = members.save(member);
        events.left(left);
        return left;
    }

    @Transactional(readOnly = true)
    public Member get(UUID id) {
        return members.findById(id).orElseThrow(() -> new MemberNotFoundException(id));
    }

    /** A page of members ordered by display name (then id, so equal names keep their place between pages). */
    @Transactional(readOnly = true)
    public Page<Member> list(Optional<MemberStatus> status, int page, int size) {
        var pageable = PageRequest.of(page, size, BY_DISPLAY_NAME);
        return status.map(s -> members.findByStatus(s, pageable)).orElseGet(() -> members.findAll(pageable));
    }

    /**
     * The member, if the client saw its current version. A save can still lose to a concurrent one: Spring
     * Data JDBC then throws {@code OptimisticLockingFailureException} and nothing is saved.
     */
    private Member current(UUID id, OptionalLong expectedVersion) {
        var member = get(id);
        StaleVersionException.throwIfStale("member", expectedVersion, member.version());
        return member;
    }
}
