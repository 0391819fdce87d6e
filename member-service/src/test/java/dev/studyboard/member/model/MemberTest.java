package dev.studyboard.member.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A member")
class MemberTest {

    private static final Instant JOINED = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-12-05T10:00:00Z");

    @Nested
    @DisplayName("when joining")
    class Joining {

        @Test
        @DisplayName("is active from the given time and not yet stored (version 0)")
        void joinsActive() {
            var member = Member.join("이상경", "sangkyung@example.com", "sanggyeong", JOINED);

            assertThat(member.id()).isNotNull();
            assertThat(member.displayName()).isEqualTo("이상경");
            assertThat(member.email()).contains("sangkyung@example.com");
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(member.joinedAt()).isEqualTo(JOINED);
            assertThat(member.leftAt()).isEmpty();
            assertThat(member.version()).as("Spring Data JDBC inserts it at 1").isZero();
        }

        @Test
        @DisplayName("keeps the display name as written, trimmed")
        void trimsDisplayName() {
            var member = Member.join("  김상초 ", null, null, JOINED);

            assertThat(member.displayName()).isEqualTo("김상초");
        }

        @Test
        @DisplayName("may have no e-mail: a blank one means none")
        void blankEmailIsNone() {
            assertThat(Member.join("김태현", null, null, JOINED).email()).isEmpty();
            assertThat(Member.join("김태현", "  ", null, JOINED).email()).isEmpty();
            assertThat(Member.join("김태현", " taehyun@example.com ", null, JOINED).email())
                    .contains("taehyun@example.com");
        }

        @Test
        @DisplayName("is linked to the account it joins with, exactly as the token names it, or to none")
        void linksAccount() {
            var member = Member.join("이상경", null, "sanggyeong", JOINED);

            assertThat(member.account()).contains("sanggyeong");
            assertThat(member.belongsTo("sanggyeong")).isTrue();
            assertThat(member.belongsTo("Sanggyeong"))
                    .as("an identifier, compared exactly")
                    .isFalse();
            assertThat(member.belongsTo(null)).isFalse();
            var nobodys = Member.join("김상초", null, null, JOINED);
            assertThat(nobodys.account()).isEmpty();
            assertThat(nobodys.belongsTo(null)).as("no account is nobody's").isFalse();
        }

        @Test
        @DisplayName("refuses a blank account, or one longer than 255 characters")
        void rejectsBadAccount() {
            assertThatThrownBy(() -> Member.join("이상경", null, " ", JOINED))
                    .isInstanceOfSatisfying(
                            InvalidMemberException.class,
                            e -> assertThat(e.field()).isEqualTo("account"));
            assertThat(Member.join("이상경", null, "a".repeat(255), JOINED).account())
                    .isPresent();
            assertThatThrownBy(() -> Member.join("이상경", null, "a".repeat(256), JOINED))
                    .isInstanceOf(InvalidMemberException.class);
        }

        @Test
        @DisplayName("needs a display name that is not blank")
        void rejectsBlankDisplayName() {
            assertThatThrownBy(() -> Member.join(" ", null, null, JOINED))
                    .isInstanceOfSatisfying(InvalidMemberException.class, e -> {
                        assertThat(e.field()).isEqualTo("displayName");
                        assertThat(e.reason()).isEqualTo("must not be blank");
                    });
            assertThatThrownBy(() -> Member.join(null, null, null, JOINED)).isInstanceOf(InvalidMemberException.class);
        }

        @Test
        @DisplayName("accepts 100 characters of display name and rejects 101")
        void limitsDisplayName() {
            assertThat(Member.join("가".repeat(100), null, null, JOINED).displayName())
                    .hasSize(100);
            assertThatThrownBy(() -> Member.join("가".repeat(101), null, null, JOINED))
                    .isInstanceOfSatisfying(
                            InvalidMemberException.class,
                            e -> assertThat(e.field()).isEqualTo("displayName"));
        }
    }

    @Nested
    @DisplayName("when an import makes them join")
    class JoiningByImport {

        private static final UUID IMPORT = UUID.fromString("4a6f1c2e-0000-4000-8000-000000000001");

        @Test
        @DisplayName("is active, without e-mail, and remembers the import that created them")
        void remembersImport() {
            var member = Member.joinByImport(" 이상경 ", "sanggyeong", IMPORT, JOINED);

            assertThat(member.displayName()).isEqualTo("이상경");
            assertThat(member.account()).contains("sanggyeong");
            assertThat(member.email()).isEmpty();
            assertThat(member.status()).isEqualTo(MemberStatus.ACTIVE);
            assertThat(member.importedBy()).contains(IMPORT);
            assertThat(member.wasImportedBy(IMPORT)).isTrue();
            assertThat(member.wasImportedBy(UUID.randomUUID())).isFalse();
        }

        @Test
        @DisplayName("follows the same rules as any member joining")
        void sameRules() {
            assertThatThrownBy(() -> Member.joinByImport(" ", null, IMPORT, JOINED))
                    .isInstanceOfSatisfying(
                            InvalidMemberException.class,
                            e -> assertThat(e.field()).isEqualTo("displayName"));
            assertThatThrownBy(() -> Member.joinByImport("이상경", " ", IMPORT, JOINED))
                    .isInstanceOfSatisfying(
                            InvalidMemberException.class,
                            e -> assertThat(e.field()).isEqualTo("account"));
        }

        @Test
        @DisplayName("a member who joined any other way was imported by nobody")
        void otherwiseNoImport() {
            var member = Member.join("김상초", null, null, JOINED);

            assertThat(member.importedBy()).isEmpty();
            assertThat(member.wasImportedBy(IMPORT)).isFalse();
        }
    }

    @Nested
    @DisplayName("while active")
    class WhileActive {

        @Test
        @DisplayName("can be renamed; the new name is trimmed and checked")
        void renames() {
            var member = Member.join("이상경", null, null, JOINED);

            member.rename(" 이상경 (스터디장) ");

            assertThat(member.displayName()).isEqualTo("이상경 (스터디장)");
            assertThatThrownBy(() -> member.rename("")).isInstanceOf(InvalidMemberException.class);
            assertThat(member.displayName())
                    .as("a rejected name changes nothing")
                    .isEqualTo("이상경 (스터디장)");
        }

        @Test
        @DisplayName("can leave: then LEFT, with the time it left")
        void leaves() {
            var member = Member.join("김상초", null, null, JOINED);

            member.leave(LATER);

            assertThat(member.status()).isEqualTo(MemberStatus.LEFT);
            assertThat(member.leftAt()).contains(LATER);
        }
    }

    @Nested
    @DisplayName("after leaving")
    class AfterLeaving {

        @Test
        @DisplayName("cannot leave again")
        void cannotLeaveTwice() {
            var member = Member.join("김태현", null, null, JOINED);
            member.leave(LATER);

            assertThatThrownBy(() -> member.leave(LATER.plusSeconds(60))).isInstanceOf(MemberHasLeftException.class);
            assertThat(member.leftAt()).as("the first leaving stands").contains(LATER);
        }

        @Test
        @DisplayName("cannot be renamed")
        void cannotBeRenamed() {
            var member = Member.join("김태현", null, null, JOINED);
            member.leave(LATER);

            assertThatThrownBy(() -> member.rename("다른 이름")).isInstanceOf(MemberHasLeftException.class);
            assertThat(member.displayName()).isEqualTo("김태현");
        }
    }
}
