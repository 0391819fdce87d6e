package dev.studyboard.catalog.book.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("An item number")
class ItemNumberTest {

    @Test
    @DisplayName("keeps the text as the notes write it and knows its chapter")
    void keepsTextAndChapter() {
        var item = ItemNumber.of("4.10");

        assertThat(item.value()).isEqualTo("4.10");
        assertThat(item.chapterNumber()).isEqualTo(4);
    }

    @Test
    @DisplayName("sorts by its numbers, not as text")
    void sortsNumerically() {
        assertThat(ItemNumber.of("4.9")).isLessThan(ItemNumber.of("4.10"));
        assertThat(ItemNumber.of("10.1")).isGreaterThan(ItemNumber.of("9.12"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "4.", ".1", "4-3", "a.b", "4.1.", "4..1"})
    @DisplayName("rejects what is not an item number")
    void rejectsMalformed(String text) {
        assertThatThrownBy(() -> ItemNumber.of(text)).isInstanceOf(InvalidBookException.class);
    }
}
