package dev.studyboard.progress.assignment.application;

import java.util.Objects;
import java.util.Optional;

/**
 * Who asks for a change to the work on a section, as the use cases need it (no security types here: the web
 * adapter builds it from the verified token).
 *
 * @param account the account of a person signed in as a member (the token's subject), which this service maps
 *     to their member; empty for a machine client, which acts as no member
 * @param mayManageAll the organizer or a client with {@code progress.write}: may change anyone's work
 */
public record Actor(Optional<String> account, boolean mayManageAll) {

    public Actor {
        Objects.requireNonNull(account, "account");
    }

    /** A study member acting for themself. */
    public static Actor member(String account) {
        return new Actor(Optional.of(account), false);
    }

    /** The organizer: a member, who may also change anyone's work. */
    public static Actor organizer(String account) {
        return new Actor(Optional.of(account), true);
    }

    /** A machine client acting for itself (client credentials), with or without the scope to change work. */
    public static Actor client(boolean mayManageAll) {
        return new Actor(Optional.empty(), mayManageAll);
    }
}
