package dev.studyboard.e2e.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** How the load test's working members choose a section: {@link SectionChoice}. */
@DisplayName("A working member's choice of a free section")
class SectionChoiceTest {

    private static final List<String> FREE = List.of("1.1", "1.2", "1.3", "1.4", "1.5");

    private final SectionChoice choice = new SectionChoice();

    @Nested
    @DisplayName("for one member")
    class OneMember {

        @Test
        @DisplayName("is one of the first three free sections: everyone goes down the table")
        void nearTheTop() {
            // given a fresh choice for each try
            for (int attempt = 0; attempt < 50; attempt++) {
                // when
                var chosen = new SectionChoice().next("sanggyeong", FREE);

                // then
                assertThat(chosen).get().isIn("1.1", "1.2", "1.3");
            }
        }

        @Test
        @DisplayName("is never a section one of their virtual users chose before: one person does one thing at a time")
        void neverTwice() {
            // given
            var chosen = new HashSet<String>();

            // when
            for (int attempt = 0; attempt < FREE.size(); attempt++) {
                choice.next("sanggyeong", FREE).ifPresent(chosen::add);
            }

            // then
            assertThat(chosen).containsExactlyInAnyOrderElementsOf(FREE);
        }

        @Test
        @DisplayName("is nothing once they have chosen every free section, or when none is free")
        void nothingLeft() {
            // given
            FREE.forEach(item -> choice.next("sanggyeong", List.of(item)));

            // when, then
            assertThat(choice.next("sanggyeong", FREE)).isEmpty();
            assertThat(choice.next("sanggyeong", List.of())).isEmpty();
        }
    }

    @Nested
    @DisplayName("for several members")
    class SeveralMembers {

        @Test
        @DisplayName("may be the same section: they race for it, and the second one is answered 409")
        void membersRace() {
            // given one free section
            var free = List.of("2.7");

            // when
            var sanggyeong = choice.next("sanggyeong", free);
            var taehyun = choice.next("taehyun", free);

            // then
            assertThat(sanggyeong).isEqualTo(Optional.of("2.7"));
            assertThat(taehyun).isEqualTo(Optional.of("2.7"));
        }
    }
}
