package dev.studyboard.member.service;

import dev.studyboard.member.messaging.MemberEvents;
import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberStatus;
import dev.studyboard.member.model.MemberVersion;
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
 * both commit or neither does. Who may do what is decided here, with the data (the {@link Actor} says who asks):
 * a member joins as themself and changes only their own membership; the organizer and the {@code members.write}
 * client manage anyone's.
 *
 * <p>Layered architecture: it calls {@link MemberRepository} directly, with no port in
 * between, because a CRUD service with one entity and one database has nothing a port would let it swap.
 */
@Service
@Transactional
public class MemberService {

    private static final Sort BY_DISPLAY_NAME = Sort.by("displayName", "id");

    /** The unique index on the account (V2 migration), as PostgreSQL names it in a duplicate-key error. */
    private static final String ACCOUNT_INDEX = "member_account";

    private final MemberRepository members;
    private final MemberEvents events;
    private final Clock clock;

    MemberService(MemberRepository members, MemberEvents events, Clock clock) {
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Adds a member. A member joins as themself: the new member's account is theirs, and naming another one is
     * refused. Whoever manages members adds anyone, linked to the account they name or to none.
     *
     * @param account the account to link, as the request names it; null for none (or, for a member, their own)
     */
    public Member join(Actor actor, String displayName, String email, String account) {
        var member = Member.join(displayName, email, accountJoining(actor, account), clock.instant());
        var linked = member.account();
        if (linked.isPresent() && members.existsByAccount(linked.get())) {
            throw new AccountTakenException(linked.get());
        }
        if (member.email().isPresent() && members.isEmailTaken(member.email().get())) {
            throw new EmailTakenException();
        }
        Member joined;
        try {
            joined = members.save(member);
        } catch (DuplicateKeyException e) { // another join with this account or e-mail committed after our check
            if (linked.isPresent()
                    && String.valueOf(e.getMostSpecificCause().getMessage()).contains(ACCOUNT_INDEX)) {
                throw new AccountTakenException(linked.get());
            }
            throw new EmailTakenException();
        }
        events.joined(joined);
        return joined;
    }

    private static String accountJoining(Actor actor, String requested) {
        if (actor.managesMembers()) {
            return requested;
        }
        if (!actor.member()) {
            throw new NotAllowedException("Only a study member joins, as themself");
        }
        if (requested != null && !requested.equals(actor.account())) {
            throw new NotAllowedException(
                    "A member joins as themself: account must be " + actor.account() + " or left out");
        }
        return actor.account();
    }

    public Member rename(Actor actor, UUID id, OptionalLong expectedVersion, String displayName) {
        var member = changeable(actor, id, expectedVersion);
        member.rename(displayName);
        var renamed = members.save(member);
        events.renamed(renamed, clock.instant());
        return renamed;
    }

    public Member leave(Actor actor, UUID id, OptionalLong expectedVersion) {
        var member = changeable(actor, id, expectedVersion);
        member.leave(clock.instant());
        var left = members.save(member);
        events.left(left);
        return left;
    }

    @Transactional(readOnly = true)
    public Member get(UUID id) {
        return members.findById(id).orElseThrow(() -> new MemberNotFoundException(id));
    }

    /** The member's current version and account, without loading the member: one small query decides a 304. */
    @Transactional(readOnly = true)
    public MemberVersion version(UUID id) {
        return members.findVersionById(id).orElseThrow(() -> new MemberNotFoundException(id));
    }

    /** The member the caller is, once they have joined. */
    @Transactional(readOnly = true)
    public Member mine(Actor actor) {
        return members.findByAccount(actor.account())
                .filter(actor::is)
                .orElseThrow(() -> MemberNotFoundException.ofAccount(actor.account()));
    }

    /** A page of members ordered by display name (then id, so equal names keep their place between pages). */
    @Transactional(readOnly = true)
    public Page<Member> list(Optional<MemberStatus> status, int page, int size) {
        var pageable = PageRequest.of(page, size, BY_DISPLAY_NAME);
        return status.map(s -> members.findByStatus(s, pageable)).orElseGet(() -> members.findAll(pageable));
    }

    /**
     * The member, if the actor may change it and saw its current version (in that order: a stranger learns
     * nothing of its version). A save can still lose to a concurrent one: Spring Data JDBC then throws
     * {@code OptimisticLockingFailureException} and nothing is saved.
     */
    private Member changeable(Actor actor, UUID id, OptionalLong expectedVersion) {
        var member = get(id);
        if (!actor.mayChange(member)) {
            throw new NotAllowedException("Only the member themself or the organizer may change member " + id);
        }
        StaleVersionException.throwIfStale("member", expectedVersion, member.version());
        return member;
    }
}
