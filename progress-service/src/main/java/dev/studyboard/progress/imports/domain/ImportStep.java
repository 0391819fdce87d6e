package dev.studyboard.progress.imports.domain;

/** The saga's steps, in the order they run; compensation undoes the done ones in reverse. */
public enum ImportStep {
    /** catalog-service registers the book (undone: the book removed). */
    REGISTER_BOOK,
    /** member-service joins the writers who are not members yet (undone: the members it created removed). */
    JOIN_WRITERS,
    /** here, once the replicas have the book and the writers: who writes what, and what is done. */
    RECORD_WORK
}
