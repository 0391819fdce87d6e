package dev.studyboard.catalog.book.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of a book, assigned by the catalog when the book is registered. */
public record BookId(UUID value) {

    public BookId {
        Objects.requireNonNull(value, "value");
    }

    public static BookId newId() {
        return new BookId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
