package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.application.AssignmentProblems.MemberLeftException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownMemberException;
import dev.studyboard.progress.assignment.application.AssignmentProblems.UnknownSectionException;
import dev.studyboard.progress.assignment.domain.Assignment;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.Reason;
import dev.studyboard.progress.assignment.domain.SectionRef;
import dev.studyboard.progress.replica.api.ReplicatedData;
import dev.studyboard.progress.replica.api.ReplicatedData.MemberStanding;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the study board's work: assign a section to a member, take them off, start, complete and
 * reopen it. Each reads the assignment, lets it change, and saves it with its event in one transaction.
 */
@Service
@Transactional
public class AssignmentWork {

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

    /** Rules that cross services, answered from the replicas: the section must exist, the member must not have left. */
    public Assignment assign(SectionRef section, UUID memberId) {
        requireActive(memberId);
        return change(section, (assignment, now) -> assignment.assignTo(memberId, now));
    }

    public Assignment unassign(SectionRef section) {
        return change(section, (assignment, now) -> assignment.unassign(Reason.REQUESTED, now));
    }

    public Assignment start(SectionRef section) {
        return change(section, Assignment::start);
    }

    public Assignment complete(SectionRef section) {
        return change(section, Assignment::complete);
    }

    /** Reopened work is open work again: its writer must still be in the group. */
    public Assignment reopen(SectionRef section) {
        return change(section, (assignment, now) -> {
            assignment.assignee().ifPresent(this::requireActive);
            assignment.reopen(now);
        });
    }

    /** Not read-only: the section check takes a share lock (see {@code ReplicatedData}), which reads may too. */
    public Assignment get(SectionRef section) {
        return current(section);
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

    private Assignment change(SectionRef section, BiConsumer<Assignment, Instant> change) {
        var assignment = current(section);
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
