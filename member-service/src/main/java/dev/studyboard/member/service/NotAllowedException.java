package dev.studyboard.member.service;

/** The caller is signed in, but this member is not theirs to change (or not them to join as). */
public class NotAllowedException extends RuntimeException {

    public NotAllowedException(String message) {
        super(message);
    }
}
