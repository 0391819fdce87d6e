package dev.studyboard.progress.board.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shared static data kept in code: how item numbers sort, progress-service's own copy of the rule. */
@DisplayName("Item numbers, as the notes write them,")
class ItemOrderTest {

    @Nested
    @DisplayName("compare by their numbers, not as text")
    class Pairs {

        @ParameterizedTest(name = "{0} before {1}")
        @CsvSource({
            "4.3, 4.10", // as text, "4.10" < "4.3"
            "2.9, 2.10",
            "4.10, 4.11",
            "9.12, 10.1", // the chapter decides first
            "1.16, 2.1",
            "10.13, 11.1"
        })
        @DisplayName("the first comes before the second, and the second after the first")
        void before(String first, String second) {
            assertThat(ItemOrder.NUMERIC.compare(first, second)).isNegative();
            assertThat(ItemOrder.NUMERIC.compare(second, first)).isPositive();
        }

        @Test
        @DisplayName("an item is neither before nor after itself")
        void sameItem() {
            assertThat(ItemOrder.NUMERIC.compare("4.10", "4.10")).isZero();
        }
    }

    @Nested
    @DisplayName("sorted, read the way a reader expects")
    class Sorted {

        @Test
        @DisplayName("a chapter past nine: 2.1 … 2.9, then 2.10 and 2.11, as seed 002 lists them")
        void chapterPastNine() {
            List<String> chapter2 =
                    List.of("2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", "2.10", "2.11");
            List<String> outOfOrder = shuffled(chapter2);
            assertThat(outOfOrder).isNotEqualTo(chapter2);

            assertThat(sorted(outOfOrder)).isEqualTo(chapter2);
        }

        @Test
        @DisplayName("chapters past nine: 9.x before 10.x before 11.x, each in its own order")
        void chaptersPastNine() {
            List<String> items = List.of("11.2", "10.10", "9.2", "10.1", "11.16", "9.11", "10.2", "11.10");

            assertThat(sorted(items)).containsExactly("9.2", "9.11", "10.1", "10.2", "10.10", "11.2", "11.10", "11.16");
        }

        @Test
        @DisplayName("where plain text order gets them wrong")
        void unlikeText() {
            List<String> items = List.of("4.10", "10.1", "4.3", "4.9");

            assertThat(items.stream().sorted().toList()).containsExactly("10.1", "4.10", "4.3", "4.9");
            assertThat(sorted(items)).containsExactly("4.3", "4.9", "4.10", "10.1");
        }
    }

    private static List<String> sorted(List<String> items) {
        return items.stream().sorted(ItemOrder.NUMERIC).toList();
    }

    private static List<String> shuffled(List<String> items) {
        List<String> shuffled = new ArrayList<>(items);
        Collections.shuffle(shuffled, new Random(42));
        return shuffled;
    }
}
