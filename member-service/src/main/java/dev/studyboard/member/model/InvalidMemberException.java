package dev.studyboard.member.model;

import dev.studyboard.problems.InvalidFieldException;

/** Input that would break one of a member's rules. {@code field} names it as the request does, e.g. {@code displayName}. */
public class InvalidMemberException extends InvalidFieldException {

    public InvalidMemberException(String field, String reason) {
        super(field, reason);
    }
}
