package dev.studyboard.member.service;

/** Another member already uses this e-mail address. */
public class EmailTakenException extends RuntimeException {

    public EmailTakenException() {
        super("Another member already uses this e-mail address");
    }
}
