package dev.studyboard.member.model;

/** Input that would break one of a member's rules. {@code field} names it as the request does, e.g. {@code displayName}. */
public class InvalidMemberException extends RuntimeException {

    private final String field;

    public InvalidMemberException(String field, String reason) {
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
