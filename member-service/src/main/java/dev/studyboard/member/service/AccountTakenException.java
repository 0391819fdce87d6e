package dev.studyboard.member.service;

/** The account already has a member: a person is one member, and joins once. */
public class AccountTakenException extends RuntimeException {

    public AccountTakenException(String account) {
        super("Account " + account + " already has a member");
    }
}
