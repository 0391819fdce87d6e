package dev.studyboard.catalog.book.domain;

/** The book already has that chapter or section. */
public class BookPartConflictException extends RuntimeException {

    public BookPartConflictException(String message) {
        super(message);
    }
}
