package dev.studyboard.progress.board.api;

/**
 * How far a section's write-up is, as the board shows it: the board's own reading of the assignments' status
 * column, so the read model needs none of the assignment feature's code.
 */
public enum WriteUpStatus {
    TODO,
    IN_PROGRESS,
    DONE
}
