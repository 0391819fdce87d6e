package dev.studyboard.catalog.book.domain;

import dev.studyboard.problems.InvalidFieldException;

/** A change that would break one of a book's rules. {@code field} names the offending input, e.g. {@code chapters[1].number}. */
public class InvalidBookException extends InvalidFieldException {

    public InvalidBookException(String field, String reason) {
        super(field, reason);
    }
}
