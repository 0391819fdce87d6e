package dev.studyboard.member.model;

import java.util.UUID;

/** The member has left the group: they can neither be renamed nor leave again. */
public class MemberHasLeftException extends RuntimeException {

    public MemberHasLeftException(UUID id) {
        super("Member " + id + " has left the study group");
    }
}
