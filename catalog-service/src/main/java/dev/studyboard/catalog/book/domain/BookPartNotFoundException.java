package dev.studyboard.catalog.book.domain;

/** The book has no such chapter or section. */
public class BookPartNotFoundException extends RuntimeException {

    public BookPartNotFoundException(String message) {
        super(message);
    }
}
