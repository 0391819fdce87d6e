package dev.studyboard.catalog.book.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookEvent;
import dev.studyboard.catalog.book.domain.BookEvent.BookRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterAdded;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.ChapterRenamed;
import dev.studyboard.catalog.book.domain.BookEvent.SectionAdded;
import dev.studyboard.catalog.book.domain.BookEvent.SectionRemoved;
import dev.studyboard.catalog.book.domain.BookEvent.SectionRevised;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.BookPartConflictException;
import dev.studyboard.catalog.book.domain.BookPartNotFoundException;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import dev.studyboard.problems.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The editing use cases through their ports, in memory: no Spring, no database, no Kafka. What they promise:
 * a change is saved at the next version and published as one event; a stale If-Match, a refused change or a
 * lost race saves and publishes nothing.
 */
@DisplayName("Editing a book (the use cases on in-memory ports)")
class BookEditingTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final OptionalLong ANY_VERSION = OptionalLong.empty();

    private final InMemoryBooks books = new InMemoryBooks();
    private final RecordedBookEvents events = new RecordedBookEvents();
    private final BookEditing editing = new BookEditing(books, events, Clock.fixed(NOW, ZoneOffset.UTC));

    private BookId id;

    /** Given: a stored book at version 1 with chapter 3 and its sections 3.1 and 3.2. */
    @BeforeEach
    void storeBook() {
        var book = Book.register(
                BookId.newId(),
                "그림으로 공부하는 마이크로 서비스 구조",
                List.of("Author"),
                null,
                "ko",
                List.of(new Chapter(
                        3,
                        "마이크로서비스 아키텍처의 기본",
                        List.of(
                                new Section(ItemNumber.of("3.1"), "서비스 구조", 44),
                                new Section(ItemNumber.of("3.2"), "레이어 아키텍처", 45)))),
                NOW);
        books.add(book);
        id = book.id();
    }

    private Book stored() {
        return books.find(id).orElseThrow();
    }

    @Nested
    @DisplayName("a change of the version the client has seen")
    class Applied {

        @Test
        @DisplayName("is saved at the next version and published as one event of that version")
        void savesAndPublishes() {
            var changed = editing.addChapter(id, OptionalLong.of(1), new Chapter(4, "패턴"));

            assertThat(changed.version()).isEqualTo(2);
            assertThat(stored().version()).isEqualTo(2);
            assertThat(stored().chapter(4).title()).isEqualTo("패턴");
            assertThat(events.published()).singleElement().isInstanceOfSatisfying(ChapterAdded.class, event -> {
                assertThat(event.bookVersion()).isEqualTo(2);
                assertThat(event.occurredAt()).isEqualTo(NOW);
            });
        }

        @Test
        @DisplayName("without If-Match applies to whatever version is current")
        void withoutIfMatch() {
            editing.renameChapter(id, ANY_VERSION, 3, "기본");
            editing.renameChapter(id, ANY_VERSION, 3, "마이크로서비스의 기본");

            assertThat(stored().version()).isEqualTo(3);
            assertThat(stored().chapter(3).title()).isEqualTo("마이크로서비스의 기본");
            assertThat(events.published()).extracting(BookEvent::bookVersion).containsExactly(2L, 3L);
        }

        @Test
        @DisplayName("of sections: added, revised and removed, one version and one event each")
        void editsSections() {
            editing.addSection(id, OptionalLong.of(1), 3, new Section(ItemNumber.of("3.3"), "헥사거널 아키텍처", 47));
            editing.reviseSection(id, OptionalLong.of(2), 3, ItemNumber.of("3.3"), "헥사고날 아키텍처", 48);
            editing.removeSection(id, OptionalLong.of(3), 3, ItemNumber.of("3.1"));

            assertThat(stored().version()).isEqualTo(4);
            assertThat(stored().chapter(3).sections())
                    .containsExactly(
                            new Section(ItemNumber.of("3.2"), "레이어 아키텍처", 45),
                            new Section(ItemNumber.of("3.3"), "헥사고날 아키텍처", 48));
            assertThat(events.published())
                    .satisfiesExactly(
                            added -> assertThat(added).isInstanceOf(SectionAdded.class),
                            revised -> assertThat(revised).isInstanceOf(SectionRevised.class),
                            removed -> assertThat(removed).isInstanceOf(SectionRemoved.class));
        }

        @Test
        @DisplayName("removing a chapter takes its sections along and says which went")
        void removesChapter() {
            editing.removeChapter(id, OptionalLong.of(1), 3);

            assertThat(stored().chapters()).isEmpty();
            assertThat(events.published())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            ChapterRemoved.class,
                            event -> assertThat(event.removedSections())
                                    .containsExactly(ItemNumber.of("3.1"), ItemNumber.of("3.2")));
        }

        @Test
        @DisplayName("removing the book deletes it and publishes BookRemoved as its last event")
        void removesBook() {
            editing.removeBook(id, OptionalLong.of(1));

            assertThat(books.find(id)).isEmpty();
            assertThat(events.published())
                    .singleElement()
                    .isInstanceOfSatisfying(
                            BookRemoved.class,
                            event -> assertThat(event.bookVersion()).isEqualTo(2));
        }
    }

    @Nested
    @DisplayName("a stale If-Match")
    class StaleIfMatch {

        @Test
        @DisplayName("is refused with the current version; nothing is saved or published")
        void refusesChange() {
            editing.renameChapter(id, ANY_VERSION, 3, "기본");

            assertThatThrownBy(() -> editing.addChapter(id, OptionalLong.of(1), new Chapter(4, "패턴")))
                    .isInstanceOfSatisfying(
                            StaleVersionException.class,
                            e -> assertThat(e.currentVersion()).isEqualTo(2));

            assertThat(stored().version()).isEqualTo(2);
            assertThat(stored().chapters()).extracting(Chapter::number).containsExactly(3);
            assertThat(events.published()).singleElement().isInstanceOf(ChapterRenamed.class);
        }

        @Test
        @DisplayName("does not remove the book")
        void keepsBook() {
            assertThatThrownBy(() -> editing.removeBook(id, OptionalLong.of(7)))
                    .isInstanceOf(StaleVersionException.class);

            assertThat(books.find(id)).isPresent();
            assertThat(events.published()).isEmpty();
        }
    }

    @Nested
    @DisplayName("a change the book refuses")
    class Refused {

        @Test
        @DisplayName("a chapter that exists, or a section that does not: nothing is saved or published")
        void savesNothing() {
            assertThatThrownBy(() -> editing.addChapter(id, ANY_VERSION, new Chapter(3, "again")))
                    .isInstanceOf(BookPartConflictException.class);
            assertThatThrownBy(() -> editing.removeSection(id, ANY_VERSION, 3, ItemNumber.of("3.9")))
                    .isInstanceOf(BookPartNotFoundException.class);

            assertThat(stored().version()).isEqualTo(1);
            assertThat(events.published()).isEmpty();
        }

        @Test
        @DisplayName("a book that is not there")
        void unknownBook() {
            assertThatThrownBy(() -> editing.renameChapter(BookId.newId(), ANY_VERSION, 3, "x"))
                    .isInstanceOf(BookNotFoundException.class);

            assertThat(events.published()).isEmpty();
        }
    }

    @Nested
    @DisplayName("another request that saved between this change's read and its save")
    class LostRace {

        @Test
        @DisplayName("makes the save fail instead of being overwritten; only its own change is published")
        void neverOverwrites() {
            books.whenNextReadForChange(() -> editing.renameChapter(id, ANY_VERSION, 3, "먼저 저장된 제목"));

            assertThatThrownBy(() -> editing.addChapter(id, ANY_VERSION, new Chapter(4, "패턴")))
                    .isInstanceOf(ConcurrentBookChangeException.class);

            assertThat(stored().version()).isEqualTo(2);
            assertThat(stored().chapter(3).title()).isEqualTo("먼저 저장된 제목");
            assertThat(stored().chapters()).extracting(Chapter::number).containsExactly(3);
            assertThat(events.published()).singleElement().isInstanceOf(ChapterRenamed.class);
        }
    }
}
