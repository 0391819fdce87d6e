package dev.studyboard.auth.account;

import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A person who can sign in. The username is the subject of their tokens, which member-service stores as the member's
 * {@code account}; the password is only ever held encoded ({@code {bcrypt}...}).
 *
 * @param email the identity provider's own contact for the person (optional), the OpenID Connect {@code email}
 *     claim: released only to the client they signed in to, in the ID token (and userinfo) when the {@code email}
 *     scope was granted, never in an access token. It is not the study group's address: member-service keeps that
 *     one, for the member's own page and the organizer, and neither copies the other.
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
