package dev.studyboard.progress.assignment.domain;

import java.time.Instant;
import java.util.UUID;

/** What happened to a section's write-up. {@code version} is the assignment's version after the change. */
public sealed interface AssignmentEvent {

    SectionRef section();

    long version();

    Instant occurredAt();

    record SectionAssigned(SectionRef section, long version, Instant occurredAt, UUID memberId)
            implements AssignmentEvent {}

    /** The writer was taken off: by request, because they left the group, or because the section was removed. */
    record SectionUnassigned(SectionRef section, long version, Instant occurredAt, UUID memberId, Reason reason)
            implements AssignmentEvent {}

    record SectionStarted(SectionRef section, long version, Instant occurredAt, UUID memberId)
            implements AssignmentEvent {}

    record SectionCompleted(SectionRef section, long version, Instant occurredAt, UUID memberId)
            implements AssignmentEvent {}

    record SectionReopened(SectionRef section, long version, Instant occurredAt, UUID memberId)
            implements AssignmentEvent {}

    enum Reason {
        REQUESTED,
        MEMBER_LEFT,
        SECTION_REMOVED
    }
}
