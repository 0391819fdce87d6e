package dev.studyboard.member.service;

import java.util.UUID;

public class MemberNotFoundException extends RuntimeException {

    public MemberNotFoundException(UUID id) {
        super("No member with id " + id);
    }

    private MemberNotFoundException(String message) {
        super(message);
    }

    /** The person signed in as {@code account} has not joined the study group (yet). */
    public static MemberNotFoundException ofAccount(String account) {
        return new MemberNotFoundException("Account " + account + " has not joined the study group");
    }
}
