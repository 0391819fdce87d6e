package dev.studyboard.auth.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;

@DisplayName("The configured accounts are checked before the server starts")
class SeedAccountsTest {

    private static SeedAccounts seeding(AccountProperties.Seed seed) {
        return new SeedAccounts(
                new AccountProperties(List.of(seed)),
                null, // not reached: the check happens when the seeding is created
                PasswordEncoderFactories.createDelegatingPasswordEncoder());
    }

    @Test
    @DisplayName("a demo member as compose configures one is accepted")
    void valid() {
        assertThatCode(() -> seeding(
                        new AccountProperties.Seed("sanggyeong", "pw", "이상경", null, List.of("member", "organizer"))))
                .doesNotThrowAnyException();
    }

    @Test
    @DisplayName("an unknown role is refused, naming the known ones")
    void unknownRole() {
        assertThatThrownBy(() -> seeding(new AccountProperties.Seed("x1", "pw", "X", null, List.of("admin"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin")
                .hasMessageContaining("member");
    }

    @Test
    @DisplayName("an account without a password is refused (DEMO_PASSWORD unset)")
    void noPassword() {
        assertThatThrownBy(() -> seeding(new AccountProperties.Seed("x1", "", "X", null, List.of("member"))))
                .hasMessageContaining("DEMO_PASSWORD");
    }

    @Test
    @DisplayName("a username that is not a plain lower-case name is refused")
    void badUsername() {
        assertThatThrownBy(() -> seeding(new AccountProperties.Seed("Sang Gyeong", "pw", "X", null, List.of("member"))))
                .hasMessageContaining("username");
    }

    @Test
    @DisplayName("an account without a role is refused")
    void noRole() {
        assertThatThrownBy(() -> seeding(new AccountProperties.Seed("x1", "pw", "X", null, List.of())))
                .hasMessageContaining("no roles");
    }
}
