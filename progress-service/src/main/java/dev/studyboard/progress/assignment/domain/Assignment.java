package dev.studyboard.progress.assignment.domain;

import dev.studyboard.progress.assignment.domain.AssignmentEvent.Reason;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionAssigned;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionCompleted;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionReopened;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionStarted;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionUnassigned;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Who writes up one section, and how far they are: the aggregate progress-service owns. Every section
 * starts as an open, unassigned to-do; the status moves only along {@link AssignmentStatus}'s transitions.
 * Every change raises the version by one and records an event for the outbox.
 */
public class Assignment {

    private final SectionRef section;
    private UUID assignee;
    private AssignmentStatus status;
    private long version;
    private final List<AssignmentEvent> events = new ArrayList<>();

    private Assignment(SectionRef section, UUID assignee, AssignmentStatus status, long version) {
        this.section = Objects.requireNonNull(section, "section");
        this.assignee = assignee;
        this.status = Objects.requireNonNull(status, "status");
        this.version = version;
    }

    /** A section nobody has taken yet (not stored until the first change). */
    public static Assignment unassigned(SectionRef section) {
        return new Assignment(section, null, AssignmentStatus.TODO, 0);
    }

    public static Assignment restore(SectionRef section, UUID assignee, AssignmentStatus status, long version) {
        return new Assignment(section, assignee, status, version);
    }

    /** Gives the section to a member; open work can be handed over, a finished write-up keeps its writer. */
    public void assignTo(UUID memberId, Instant at) {
        Objects.requireNonNull(memberId, "memberId");
        if (!status.isOpen()) {
            throw new IllegalTransitionException("Cannot reassign a section that is DONE; reopen it first");
        }
        if (memberId.equals(assignee)) {
            return; // already theirs: nothing changes, nothing to announce
        }
        assignee = memberId;
        record(v -> new SectionAssigned(section, v, at, memberId));
    }

    /**
     * A member takes the section for themself: only a free one. Unlike {@link #assignTo}, it never takes work away
     * from someone else; taking one's own section again changes nothing.
     *
     * @throws SectionTakenException if someone else has it, open or done
     */
    public void takeFor(UUID memberId, Instant at) {
        Objects.requireNonNull(memberId, "memberId");
        if (assignee != null && !assignee.equals(memberId)) {
            throw new SectionTakenException(section);
        }
        assignTo(memberId, at);
    }

    /** True if {@code memberId} writes this section up (open or done). */
    public boolean isAssignedTo(UUID memberId) {
        return memberId.equals(assignee);
    }

    /** Takes the writer off an open section; it goes back to the to-do list. */
    public void unassign(Reason reason, Instant at) {
        if (assignee == null) {
            throw new IllegalTransitionException("Section " + section.item() + " has nobody assigned");
        }
        if (!status.isOpen()) {
            throw new IllegalTransitionException("Cannot unassign a section that is DONE; its writer stays credited");
        }
        var former = assignee;
        assignee = null;
        status = AssignmentStatus.TODO;
        record(v -> new SectionUnassigned(section, v, at, former, reason));
    }

    public void start(Instant at) {
        if (assignee == null) {
            throw new IllegalTransitionException("Assign section " + section.item() + " before starting it");
        }
        status = status.start();
        record(v -> new SectionStarted(section, v, at, assignee));
    }

    public void complete(Instant at) {
        status = status.complete();
        record(v -> new SectionCompleted(section, v, at, assignee));
    }

    public void reopen(Instant at) {
        status = status.reopen();
        record(v -> new SectionReopened(section, v, at, assignee));
    }

    /** True if this write-up is open and belongs to {@code memberId}: what is released when they leave. */
    public boolean isOpenWorkOf(UUID memberId) {
        return memberId.equals(assignee) && status.isOpen();
    }

    public List<AssignmentEvent> pullEvents() {
        var pulled = List.copyOf(events);
        events.clear();
        return pulled;
    }

    public SectionRef section() {
        return section;
    }

    public Optional<UUID> assignee() {
        return Optional.ofNullable(assignee);
    }

    public AssignmentStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    private void record(LongFunction<AssignmentEvent> event) {
        version++;
        events.add(event.apply(version));
    }
}
