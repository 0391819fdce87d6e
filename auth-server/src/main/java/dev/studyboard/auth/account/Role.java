package dev.studyboard.auth.account;

import java.util.Arrays;
import java.util.Locale;

/** What a person may do in Study Board; the services decide what each role allows. */
public enum Role {
    MEMBER,
    ORGANIZER;

    /** As the token's {@code roles} claim and the configuration name it: {@code member}. */
    public String claimValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** As Spring Security names it: {@code ROLE_MEMBER}. */
    public String authority() {
        return "ROLE_" + name();
    }

    public static Role fromClaimValue(String value) {
        return Arrays.stream(values())
                .filter(role -> role.claimValue().equals(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown role '" + value + "': one of "
                        + Arrays.toString(values()).toLowerCase(Locale.ROOT)));
    }
}
