package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.api.RecordedWork;
import dev.studyboard.progress.assignment.application.AssignmentProblems.ConcurrentAssignmentChangeException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.MemberLeftException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.NotAMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.NotYourAssignmentException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.OrganizerOnlyException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownSectionException;
import dev.studyboard.progress.assignment.domain.Assignment;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.Reason;
import dev.studyboard.progress.assignment.domain.AssignmentStatus;
import dev.studyboard.progress.assignment.domain.IllegalTransitionException;
import dev.studyboard.progress.assignment.domain.SectionRef;
import dev.studyboard.progress.assignment.domain.SectionTakenException;
import dev.studyboard.progress.replica.api.ReplicatedData;
import dev.studyboard.progress.replica.api.ReplicatedData.AccountMember;
import dev.studyboard.progress.replica.api.ReplicatedData.MemberStanding;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the study board's work: a member takes a free section, the organizer assigns one to anyone, and
 * its writer (or the organizer) takes themself off, starts, completes and reopens it. Each reads the assignment,
 * checks who may, lets it change, and saves it with its event in one transaction.
 *
 * <p>Ownership (seed 002 9.1, authorization): who may change which work is decided here, in plain Java, from
 * the {@link Actor} and this service's own data; the web layer only says who is calling.
 */
@Service
@Transactional
public class AssignmentWork implements RecordedWork {

    private final AssignmentRepository assignments;
    private final ReplicatedData replicas;
    private final AssignmentEvents events;
    private final Clock clock;

    AssignmentWork(AssignmentRepository assignments, ReplicatedData replicas, AssignmentEvents events, Clock clock) {
        this.assignments = assignments;
        this.replicas = replicas;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A member takes a free section for themself. Someone else's stays theirs (409); one's own is answered
     * unchanged. Of members racing for the same free section exactly one wins: every taker saves the version it
     * read plus one, the database lets only the first through ({@link AssignmentRepository#save}), and the
     * others' lost race is answered like any section that is taken.
     */
    public Assignment take(SectionRef section, Actor actor) {
        var memberId = activeMemberOf(actor);
        var assignment = current(section);
        assignment.takeFor(memberId, clock.instant());
        try {
            save(assignment);
        } catch (ConcurrentAssignmentChangeException lostRace) {
            throw new SectionTakenException(section);
        }
        return assignment;
    }

    /**
     * The organizer's operation: gives the section to any member, reassigning it if someone else has it. Rules that
     * cross services, answered from the replicas: the section must exist, the member must not have left.
     */
    public Assignment assign(SectionRef section, UUID memberId, Actor actor) {
        if (!actor.mayManageAll()) {
            throw new OrganizerOnlyException();
        }
        requireActive(memberId);
        return change(section, actor, (assignment, now) -> assignment.assignTo(memberId, now));
    }

    public Assignment unassign(SectionRef section, Actor actor) {
        return change(section, actor, (assignment, now) -> assignment.unassign(Reason.REQUESTED, now));
    }

    public Assignment start(SectionRef section, Actor actor) {
        return change(section, actor, Assignment::start);
    }

    public Assignment complete(SectionRef section, Actor actor) {
        return change(section, actor, Assignment::complete);
    }

    /** Reopened work is open work again: its writer must still be in the group. */
    public Assignment reopen(SectionRef section, Actor actor) {
        return change(section, actor, (assignment, now) -> {
            assignment.assignee().ifPresent(this::requireActive);
            assignment.reopen(now);
        });
    }

    /** Not read-only: the section check takes a share lock (see {@code ReplicatedData}), which reads may too. */
    public Assignment get(SectionRef section) {
        return current(section);
    }

    /**
     * An import's board: each section given to its writer, the done ones completed, with the same rules (and events)
     * as one change at a time. Joins the import's transaction: the work and the import's step commit together.
     */
    @Override
    public void record(UUID bookId, List<Work> work) {
        for (var one : work) {
            var section = new SectionRef(bookId, one.item());
            try {
                requireActive(one.memberId());
                var assignment = current(section);
                assignment.takeFor(one.memberId(), clock.instant());
                if (one.done() && assignment.status() == AssignmentStatus.TODO) {
                    assignment.start(clock.instant());
                }
                if (one.done() && assignment.status() == AssignmentStatus.IN_PROGRESS) {
                    assignment.complete(clock.instant());
                }
                save(assignment);
            } catch (UnknownSectionException
                    | UnknownMemberException
                    | MemberLeftException
                    | IllegalTransitionException
                    | SectionTakenException e) {
                throw new WorkNotRecordedException("section " + one.item() + ": " + e.getMessage(), e);
            }
        }
    }

    /** A member left the group: their open write-ups go back to the to-do list. Done ones keep their writer. */
    public void releaseOpenWorkOf(UUID memberId) {
        for (var assignment : assignments.findOpenWorkOf(memberId)) {
            assignment.unassign(Reason.MEMBER_LEFT, clock.instant());
            save(assignment);
        }
    }

    /**
     * Sections were removed from the catalog: their assignments go with them. Open work is first released
     * (saved with its version check, and announced), so its writer hears that the section is gone.
     */
    public void dropAssignmentsOf(UUID bookId, List<String> removedItems) {
        for (var assignment : assignments.findAll(bookId, removedItems)) {
            if (assignment.assignee().isPresent() && assignment.status().isOpen()) {
                assignment.unassign(Reason.SECTION_REMOVED, clock.instant());
                save(assignment);
            }
            assignments.delete(assignment.section());
        }
    }

    private void requireActive(UUID memberId) {
        var standing = replicas.member(memberId).orElseThrow(() -> new UnknownMemberException(memberId));
        if (standing == MemberStanding.LEFT) {
            throw new MemberLeftException(memberId);
        }
    }

    /** The member the actor's account acts as, if it is one who has not left: whose sections are "mine". */
    public Optional<UUID> activeMember(Actor actor) {
        return memberOf(actor)
                .filter(member -> member.standing() == MemberStanding.ACTIVE)
                .map(AccountMember::memberId);
    }

    private UUID activeMemberOf(Actor actor) {
        return activeMember(actor).orElseThrow(() -> new NotAMemberException(actor.account()));
    }

    private Optional<AccountMember> memberOf(Actor actor) {
        return actor.account().flatMap(replicas::memberByAccount);
    }

    /**
     * Only the section's writer, or who may manage all work, may change it. The check and the change see the same
     * version: if someone reassigns it meanwhile, the save's version check refuses the change.
     */
    private void requireMayChange(Assignment assignment, Actor actor) {
        if (actor.mayManageAll()) {
            return;
        }
        var mine = memberOf(actor).map(AccountMember::memberId);
        if (mine.isEmpty() || !assignment.isAssignedTo(mine.get())) {
            throw new NotYourAssignmentException(assignment.section());
        }
    }

    private Assignment change(SectionRef section, Actor actor, BiConsumer<Assignment, Instant> change) {
        var assignment = current(section);
        requireMayChange(assignment, actor);
        change.accept(assignment, clock.instant());
        save(assignment);
        return assignment;
    }

    private void save(Assignment assignment) {
        var changes = assignment.pullEvents();
        if (!changes.isEmpty()) {
            assignments.save(assignment);
            events.publish(changes);
        }
    }

    private Assignment current(SectionRef section) {
        if (!replicas.sectionExists(section.bookId(), section.item())) {
            throw new UnknownSectionException(section);
        }
        return assignments.find(section).orElseGet(() -> Assignment.unassigned(section));
    }
}
