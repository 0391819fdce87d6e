package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.BookId;

/** Another request changed the book between our read and our write; nothing was saved. */
public class ConcurrentBookChangeException extends RuntimeException {

    public ConcurrentBookChangeException(BookId id) {
        super("Book " + id + " was changed by another request; read it again and retry");
    }
}
