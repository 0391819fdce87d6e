package dev.studyboard.progress.assignment.application;

import dev.studyboard.progress.assignment.domain.AssignmentEvent;
import java.util.List;

/** Port for publishing assignment events; called inside the transaction of the change. */
public interface AssignmentEvents {

    void publish(List<AssignmentEvent> events);
}
