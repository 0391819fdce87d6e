package dev.studyboard.progress.assignment.domain;

import java.util.Objects;
import java.util.UUID;

/** A section of a book, as the catalog names it: the book's id and the item number as written ("4.3"). */
public record SectionRef(UUID bookId, String item) {

    public SectionRef {
        Objects.requireNonNull(bookId, "bookId");
        Objects.requireNonNull(item, "item");
    }

    @Override
    public String toString() {
        return bookId + "/" + item;
    }
}
