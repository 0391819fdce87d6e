package dev.studyboard.progress.imports.domain;

/** How far one step of an import is. */
public enum StepState {
    PENDING,
    RUNNING,
    DONE,
    /** refused by its participant, who changed nothing */
    FAILED,
    /** no answer after every attempt: it may have happened, so compensation undoes it too */
    TIMED_OUT,
    /** done, then undone by compensation */
    UNDONE
}
