package dev.studyboard.progress.assignment.adapter.in.messaging;

import dev.studyboard.progress.assignment.application.AssignmentWork;
import dev.studyboard.progress.replica.api.MemberLeftGroup;
import dev.studyboard.progress.replica.api.SectionsRemoved;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Choreography inside the service: what the replicas report gone changes the work on the study board. A plain,
 * synchronous {@code @EventListener} on purpose, so it runs in the transaction that changed the replica and the
 * release commits or rolls back with it; a listener after commit ({@code @TransactionalEventListener}) could lose
 * it, and would let a request see a member who left still holding open work.
 */
@Component
class ReplicaEventsListener {

    private final AssignmentWork work;

    ReplicaEventsListener(AssignmentWork work) {
        this.work = work;
    }

    @EventListener
    void on(MemberLeftGroup left) {
        work.releaseOpenWorkOf(left.memberId());
    }

    @EventListener
    void on(SectionsRemoved removed) {
        work.dropAssignmentsOf(removed.bookId(), removed.items());
    }
}
