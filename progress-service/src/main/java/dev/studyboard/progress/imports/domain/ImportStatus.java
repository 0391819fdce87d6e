package dev.studyboard.progress.imports.domain;

/** Where an import is: running one of its steps, finished, or undoing what it did. */
public enum ImportStatus {
    REGISTERING_BOOK,
    JOINING_WRITERS,
    RECORDING_WORK,
    COMPLETED,
    COMPENSATING,
    COMPENSATED;

    public boolean isFinished() {
        return this == COMPLETED || this == COMPENSATED;
    }
}
