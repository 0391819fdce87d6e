package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.BookId;

public class BookNotFoundException extends RuntimeException {

    public BookNotFoundException(BookId id) {
        super("No book with id " + id);
    }
}
