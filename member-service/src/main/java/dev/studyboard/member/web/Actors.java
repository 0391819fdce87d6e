package dev.studyboard.member.web;

import dev.studyboard.member.service.Actor;
import dev.studyboard.security.Authorities;
import dev.studyboard.security.Caller;

/** Turns the caller the token names into what the service layer decides with: tokens stop at the web layer. */
final class Actors {

    private Actors() {}

    /** The caller of the current request; every member endpoint needs one ({@link MemberWebSecurity}). */
    static Actor current() {
        var caller = Caller.current()
                .orElseThrow(() -> new IllegalStateException("A member endpoint was reached without a verified token"));
        return new Actor(
                caller.subject(), caller.isMember(), caller.isOrganizer(), caller.has(Authorities.MEMBERS_WRITE));
    }
}
