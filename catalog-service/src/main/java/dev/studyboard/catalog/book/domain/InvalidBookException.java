package dev.studyboard.catalog.book.domain;

/** A change that would break one of a book's rules. {@code field} names the offending input, e.g. {@code chapters[1].number}. */
public class InvalidBookException extends RuntimeException {

    private final String field;

    public InvalidBookException(String field, String reason) {
        super(reason);
        this.field = field;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return getMessage();
    }
}
