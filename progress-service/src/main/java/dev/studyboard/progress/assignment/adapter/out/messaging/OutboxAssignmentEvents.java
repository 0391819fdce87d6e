package dev.studyboard.progress.assignment.adapter.out.messaging;

import dev.studyboard.outbox.EventType;
import dev.studyboard.outbox.Outbox;
import dev.studyboard.outbox.OutboxEvent;
import dev.studyboard.progress.assignment.application.AssignmentEvents;
import dev.studyboard.progress.assignment.domain.AssignmentEvent;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionAssigned;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionCompleted;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionReopened;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionStarted;
import dev.studyboard.progress.assignment.domain.AssignmentEvent.SectionUnassigned;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Publishes the study board's events to {@code progress.events} through the transactional outbox. */
@Component
class OutboxAssignmentEvents implements AssignmentEvents {

    /** Data of every progress event, version 1. {@code reason} only for {@code section.unassigned}. */
    record AssignmentChangedV1(UUID bookId, String item, UUID memberId, long assignmentVersion, String reason) {}

    private final Outbox outbox;

    OutboxAssignmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(List<AssignmentEvent> events) {
        events.forEach(event -> outbox.append(toOutboxEvent(event)));
    }

    private static OutboxEvent toOutboxEvent(AssignmentEvent event) {
        if (event instanceof SectionAssigned e) {
            return message(e, "section.assigned", e.memberId(), null);
        }
        if (event instanceof SectionUnassigned e) {
            return message(e, "section.unassigned", e.memberId(), e.reason().name());
        }
        if (event instanceof SectionStarted e) {
            return message(e, "section.started", e.memberId(), null);
        }
        if (event instanceof SectionCompleted e) {
            return message(e, "section.completed", e.memberId(), null);
        }
        if (event instanceof SectionReopened e) {
            return message(e, "section.reopened", e.memberId(), null);
        }
        throw new IllegalArgumentException("Unknown assignment event " + event);
    }

    /** A section's event named {@code studyboard.progress.<name>}, its data in version 1 of the contract. */
    private static OutboxEvent message(AssignmentEvent event, String name, UUID memberId, String reason) {
        var section = event.section();
        return new OutboxEvent(
                UUID.randomUUID(),
                "section",
                section.toString(),
                EventType.v1("progress", name),
                new AssignmentChangedV1(section.bookId(), section.item(), memberId, event.version(), reason),
                event.occurredAt());
    }
}
