package dev.studyboard.member.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.member.model.Member;
import dev.studyboard.member.model.MemberVersion;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Who may do what with a member (the rules, without tokens)")
class ActorTest {

    private static final Instant JOINED = Instant.parse("2026-11-28T10:00:00Z");

    private final Member sanggyeong = Member.join("이상경", "sanggyeong@example.com", "sanggyeong", JOINED);
    private final Member nobodys = Member.join("손님", null, null, JOINED);

    private static Actor member(String account) {
        return new Actor(account, true, false, false);
    }

    private static final Actor ORGANIZER = new Actor("organizer", true, true, false);
    private static final Actor DEMO_LOADER = new Actor("demo-loader", false, false, true);
    private static final Actor SYNTHETIC_CHECK = new Actor("synthetic-check", false, false, false);

    @Nested
    @DisplayName("a member")
    class AMember {

        @Test
        @DisplayName("is the member linked to their account, and changes only that one")
        void changesOnlyThemself() {
            assertThat(member("sanggyeong").is(sanggyeong)).isTrue();
            assertThat(member("sanggyeong").mayChange(sanggyeong)).isTrue();
            assertThat(member("sangcho").mayChange(sanggyeong)).isFalse();
            assertThat(member("sangcho").mayChange(nobodys)).isFalse();
            assertThat(member("sangcho").managesMembers()).isFalse();
        }

        @Test
        @DisplayName("sees their own e-mail and account, nobody else's")
        void seesOwnDetails() {
            assertThat(member("sanggyeong").maySeePersonalDetailsOf(sanggyeong)).isTrue();
            assertThat(member("sangcho").maySeePersonalDetailsOf(sanggyeong)).isFalse();
        }
    }

    @Nested
    @DisplayName("the organizer")
    class TheOrganizer {

        @Test
        @DisplayName("changes anyone and sees everyone's e-mail")
        void managesAndSees() {
            assertThat(ORGANIZER.mayChange(sanggyeong)).isTrue();
            assertThat(ORGANIZER.mayChange(nobodys)).isTrue();
            assertThat(ORGANIZER.maySeePersonalDetailsOf(sanggyeong)).isTrue();
        }
    }

    @Nested
    @DisplayName("a machine client")
    class AMachineClient {

        @Test
        @DisplayName("with members.write changes anyone, but sees no e-mail")
        void membersWriter() {
            assertThat(DEMO_LOADER.mayChange(sanggyeong)).isTrue();
            assertThat(DEMO_LOADER.maySeePersonalDetailsOf(sanggyeong)).isFalse();
        }

        @Test
        @DisplayName("is never a member, even one whose account is its client id")
        void isNobody() {
            var namedLikeTheClient = Member.join("합성", null, "synthetic-check", JOINED);

            assertThat(SYNTHETIC_CHECK.is(namedLikeTheClient)).isFalse();
            assertThat(SYNTHETIC_CHECK.mayChange(namedLikeTheClient)).isFalse();
            assertThat(SYNTHETIC_CHECK.maySeePersonalDetailsOf(namedLikeTheClient))
                    .isFalse();
        }
    }

    @Test
    @DisplayName("decides who sees personal details the same from a member's version and account alone (a 304)")
    void sameFromVersionAlone() {
        var namedLikeTheClient = Member.join("합성", null, "synthetic-check", JOINED);
        var actors = List.of(member("sanggyeong"), member("sangcho"), ORGANIZER, DEMO_LOADER, SYNTHETIC_CHECK);

        for (var actor : actors) {
            for (var member : List.of(sanggyeong, nobodys, namedLikeTheClient)) {
                var version =
                        new MemberVersion(member.version(), member.account().orElse(null));
                assertThat(actor.maySeePersonalDetailsOf(version))
                        .as("%s seeing %s", actor.account(), member.displayName())
                        .isEqualTo(actor.maySeePersonalDetailsOf(member));
            }
        }
    }
}
