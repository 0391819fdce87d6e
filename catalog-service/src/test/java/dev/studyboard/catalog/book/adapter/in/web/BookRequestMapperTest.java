package dev.studyboard.catalog.book.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.catalog.book.adapter.in.web.BookRequests.AddChapter;
import dev.studyboard.catalog.book.adapter.in.web.BookRequests.AddSection;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.InvalidBookException;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Mapping catalog requests to the domain")
class BookRequestMapperTest {

    @Test
    @DisplayName("turns chapters with their sections into the domain's values, in the request's order")
    void mapsContents() {
        var chapters = BookRequestMapper.chapters(List.of(
                new AddChapter(3, "기본", List.of(new AddSection("3.1", "서비스 구조", 44))), new AddChapter(4, "패턴", null)));

        assertThat(chapters)
                .containsExactly(
                        new Chapter(3, "기본", List.of(new Section(ItemNumber.of("3.1"), "서비스 구조", 44))),
                        new Chapter(4, "패턴"));
        assertThat(BookRequestMapper.chapters(null)).isEmpty();
    }

    @Test
    @DisplayName("names a broken rule of a chapter by its place in the request")
    void namesChapterField() {
        var chapters = List.of(
                new AddChapter(3, "기본", null),
                new AddChapter(4, "패턴", List.of(new AddSection("5.1", "elsewhere", null))));

        assertThatThrownBy(() -> BookRequestMapper.chapters(chapters))
                .isInstanceOfSatisfying(
                        InvalidBookException.class,
                        e -> assertThat(e.field()).isEqualTo("chapters[1].sections[0].item"));
    }

    @Test
    @DisplayName("names a broken rule of a section by the places of its chapter and of itself")
    void namesSectionField() {
        var chapters = List.of(
                new AddChapter(3, "기본", List.of(new AddSection("3.1", "서비스 구조", 44), new AddSection("3.2", " ", 45))));

        assertThatThrownBy(() -> BookRequestMapper.chapters(chapters))
                .isInstanceOfSatisfying(InvalidBookException.class, e -> {
                    assertThat(e.field()).isEqualTo("chapters[0].sections[1].title");
                    assertThat(e.reason()).isEqualTo("must not be blank");
                });
    }
}
