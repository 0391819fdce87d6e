package dev.studyboard.progress.assignment.domain;

/**
 * Service as a state machine: a section's write-up goes to do → in progress → done, and a
 * done one can be reopened. Each transition names the status it starts from; any other is refused.
 *
 * <pre>
 *   TODO --start--> IN_PROGRESS --complete--> DONE
 *                        ^                      |
 *                        +-------reopen---------+
 * </pre>
 */
public enum AssignmentStatus {
    TODO,
    IN_PROGRESS,
    DONE;

    AssignmentStatus start() {
        return transition("start", TODO, IN_PROGRESS);
    }

    AssignmentStatus complete() {
        return transition("complete", IN_PROGRESS, DONE);
    }

    AssignmentStatus reopen() {
        return transition("reopen", DONE, IN_PROGRESS);
    }

    /** Open work is everything not yet done: it can be handed to someone else or released. */
    public boolean isOpen() {
        return this != DONE;
    }

    private AssignmentStatus transition(String action, AssignmentStatus from, AssignmentStatus to) {
        if (this != from) {
            throw new IllegalTransitionException(
                    "Cannot " + action + " a section that is " + this + "; only one that is " + from);
        }
        return to;
    }
}
