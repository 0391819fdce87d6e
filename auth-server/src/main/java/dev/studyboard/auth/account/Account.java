package dev.studyboard.auth.account;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A person who can sign in. The username is the subject of their tokens, which member-service stores as the member's
 * {@code account}; the password is only ever held encoded ({@code {bcrypt}...}).
 */
public record Account(
        String username, String encodedPassword, String displayName, String email, Set<Role> roles, boolean enabled) {

    public Account {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(encodedPassword, "encodedPassword");
        Objects.requireNonNull(displayName, "displayName");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("An account has at least one role: " + username);
        }
        roles = Set.copyOf(roles);
    }

    /** The roles in a fixed order ({@code member} before {@code organizer}), as the token carries them. */
    public SortedSet<Role> sortedRoles() {
        return new TreeSet<>(roles);
    }
}
