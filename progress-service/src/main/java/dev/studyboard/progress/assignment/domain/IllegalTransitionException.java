package dev.studyboard.progress.assignment.domain;

/** A step the state machine does not allow from the current status, e.g. completing a section nobody started. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(String message) {
        super(message);
    }
}
