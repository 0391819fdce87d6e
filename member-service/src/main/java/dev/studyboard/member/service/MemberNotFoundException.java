package dev.studyboard.member.service;

import java.util.UUID;

public class MemberNotFoundException extends RuntimeException {

    public MemberNotFoundException(UUID id) {
        super("No member with id " + id);
    }
}
