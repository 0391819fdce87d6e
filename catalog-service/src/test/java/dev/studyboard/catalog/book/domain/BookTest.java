package dev.studyboard.catalog.book.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.catalog.book.domain.BookEvent.BookRegistered;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.SectionAdded;
import dev.studyboard.catalog.book.domain.BookEvent.SectionRevised;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("A book")
class BookTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private static Chapter chapterThree() {
        return new Chapter(
                3,
                "마이크로서비스 아키텍처의 기본",
                List.of(
                        new Section(ItemNumber.of("3.2"), "레이어 아키텍처", 45),
                        new Section(ItemNumber.of("3.1"), "서비스 구조", 44)));
    }

    private static Book registered() {
        var book = Book.register(
                BookId.newId(), "그림으로 공부하는 마이크로 서비스 구조", List.of("Author"), null, "ko", List.of(chapterThree()), NOW);
        book.pullEvents();
        return book;
    }

    @Nested
    @DisplayName("when registered")
    class Registering {

        @Test
        @DisplayName("starts at version 1 and records BookRegistered with its table of contents")
        void recordsRegistration() {
            var book = Book.register(
                    BookId.newId(),
                    "Building Microservices",
                    List.of("Sam Newman"),
                    "1st",
                    "ko",
                    List.of(chapterThree()),
                    NOW);

            assertThat(book.version()).isEqualTo(1);
            assertThat(book.pullEvents()).singleElement().isInstanceOfSatisfying(BookRegistered.class, event -> {
                assertThat(event.bookVersion()).isEqualTo(1);
                assertThat(event.chapters()).containsExactly(chapterThree());
            });
            assertThat(book.pullEvents()).as("events are handed over once").isEmpty();
        }

        @Test
        @DisplayName("keeps sections in item-number order, 4.9 before 4.10")
        void sortsSectionsByItemNumber() {
            var chapter = new Chapter(
                    4,
                    "패턴",
                    List.of(
                            new Section(ItemNumber.of("4.10"), "ten", null),
                            new Section(ItemNumber.of("4.9"), "nine", 111),
                            new Section(ItemNumber.of("4.1"), "one", 66)));

            assertThat(chapter.sections()).extracting(s -> s.item().value()).containsExactly("4.1", "4.9", "4.10");
        }

        @Test
        @DisplayName("rejects two chapters with the same number, naming the second")
        void rejectsDuplicateChapters() {
            assertThatThrownBy(() -> Book.register(
                            BookId.newId(),
                            "t",
                            List.of("a"),
                            null,
                            null,
                            List.of(new Chapter(1, "one"), new Chapter(1, "again")),
                            NOW))
                    .isInstanceOfSatisfying(
                            InvalidBookException.class,
                            e -> assertThat(e.field()).isEqualTo("chapters[1].number"));
        }

        @Test
        @DisplayName("rejects a section whose item number belongs to another chapter")
        void rejectsSectionOfAnotherChapter() {
            assertThatThrownBy(() -> new Chapter(3, "three", List.of(new Section(ItemNumber.of("4.1"), "x", 1))))
                    .isInstanceOfSatisfying(InvalidBookException.class, e -> {
                        assertThat(e.field()).isEqualTo("sections[0].item");
                        assertThat(e.reason()).contains("does not belong to chapter 3");
                    });
        }

        @Test
        @DisplayName("needs a title and at least one author")
        void needsTitleAndAuthor() {
            assertThatThrownBy(() -> Book.register(BookId.newId(), " ", List.of("a"), null, null, List.of(), NOW))
                    .isInstanceOfSatisfying(
                            InvalidBookException.class,
                            e -> assertThat(e.field()).isEqualTo("title"));
            assertThatThrownBy(() -> Book.register(BookId.newId(), "t", List.of(), null, null, List.of(), NOW))
                    .isInstanceOfSatisfying(
                            InvalidBookException.class,
                            e -> assertThat(e.field()).isEqualTo("authors"));
        }
    }

    @Nested
    @DisplayName("when read")
    class Reading {

        @Test
        @DisplayName("finds a chapter by its number and a section by its chapter and item number")
        void findsChapterAndSection() {
            var book = registered();

            assertThat(book.chapter(3).title()).isEqualTo("마이크로서비스 아키텍처의 기본");
            assertThat(book.section(3, ItemNumber.of("3.2")).title()).isEqualTo("레이어 아키텍처");
        }

        @Test
        @DisplayName("says which part is missing: the chapter, or the section in it")
        void namesTheMissingPart() {
            var book = registered();

            assertThatThrownBy(() -> book.chapter(9))
                    .isInstanceOf(BookPartNotFoundException.class)
                    .hasMessageEndingWith("has no chapter 9");
            assertThatThrownBy(() -> book.section(9, ItemNumber.of("9.1")))
                    .isInstanceOf(BookPartNotFoundException.class)
                    .hasMessageEndingWith("has no chapter 9");
            assertThatThrownBy(() -> book.section(3, ItemNumber.of("3.9")))
                    .isInstanceOf(BookPartNotFoundException.class)
                    .hasMessage("Chapter 3 has no section 3.9");
        }
    }

    @Nested
    @DisplayName("when its contents change")
    class Changing {

        @Test
        @DisplayName("raises the version by one per change and records the change")
        void versionsEveryChange() {
            var book = registered();

            book.addSection(3, new Section(ItemNumber.of("3.3"), "헥사거널 아키텍처", 47), NOW);
            book.reviseSection(3, ItemNumber.of("3.3"), "헥사고날 아키텍처", 48, NOW);

            assertThat(book.version()).isEqualTo(3);
            assertThat(book.pullEvents())
                    .satisfiesExactly(
                            added -> assertThat(added)
                                    .isInstanceOfSatisfying(
                                            SectionAdded.class,
                                            e -> assertThat(e.bookVersion()).isEqualTo(2)),
                            revised -> assertThat(revised).isInstanceOfSatisfying(SectionRevised.class, e -> {
                                assertThat(e.bookVersion()).isEqualTo(3);
                                assertThat(e.section().page()).isEqualTo(48);
                            }));
        }

        @Test
        @DisplayName("removing a chapter says which sections went with it")
        void removingChapterNamesItsSections() {
            var book = registered();

            book.removeChapter(3, NOW);

            assertThat(book.chapters()).isEmpty();
            assertThat(book.pullEvents())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            ChapterRemoved.class,
                            e -> assertThat(e.removedSections())
                                    .containsExactly(ItemNumber.of("3.1"), ItemNumber.of("3.2")));
        }

        @Test
        @DisplayName("refuses a second chapter or section with the same number")
        void refusesDuplicates() {
            var book = registered();

            assertThatThrownBy(() -> book.addChapter(new Chapter(3, "again"), NOW))
                    .isInstanceOf(BookPartConflictException.class);
            assertThatThrownBy(() -> book.addSection(3, new Section(ItemNumber.of("3.1"), "again", 1), NOW))
                    .isInstanceOf(BookPartConflictException.class);
            assertThat(book.version()).as("a refused change changes nothing").isEqualTo(1);
            assertThat(book.pullEvents()).isEmpty();
        }

        @Test
        @DisplayName("cannot change a chapter or section it does not have")
        void unknownParts() {
            var book = registered();

            assertThatThrownBy(() -> book.renameChapter(9, "x", NOW)).isInstanceOf(BookPartNotFoundException.class);
            assertThatThrownBy(() -> book.removeSection(3, ItemNumber.of("3.9"), NOW))
                    .isInstanceOf(BookPartNotFoundException.class);
        }

        @Test
        @DisplayName("refuses a section added to the wrong chapter")
        void refusesSectionInWrongChapter() {
            var book = registered();

            assertThatThrownBy(() -> book.addSection(3, new Section(ItemNumber.of("4.1"), "x", 1), NOW))
                    .isInstanceOfSatisfying(
                            InvalidBookException.class,
                            e -> assertThat(e.field()).isEqualTo("item"));
        }
    }
}
