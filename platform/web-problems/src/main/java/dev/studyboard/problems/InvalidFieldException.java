package dev.studyboard.problems;

/**
 * A broken rule that names its input: {@code field} as the request names it (e.g. {@code chapters[1].number})
 * and the reason. A domain extends it under its own name ({@code InvalidBookException}); every API answers it
 * with 400 and the field in its {@code errors} list, like any other invalid input.
 */
public abstract class InvalidFieldException extends RuntimeException {

    private final String field;

    protected InvalidFieldException(String field, String reason) {
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
