package dev.studyboard.catalog.book.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.catalog.book.domain.BookEvent.BookRegistered;
import dev.studyboard.catalog.book.domain.BookEvent.BookRemoved;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.Chapter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The import saga's catalog step through its ports, in memory: done once, however often it is asked. */
@DisplayName("Importing a book (the use cases on in-memory ports)")
class BookImportTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC);

    private final InMemoryBooks books = new InMemoryBooks();
    private final RecordedBookEvents events = new RecordedBookEvents();
    private final BookImport bookImport =
            new BookImport(books, new BookRegistration(books, events, CLOCK), new BookEditing(books, events, CLOCK));
    private final BookId id = BookId.newId();

    private boolean register() {
        return bookImport.register(
                id, "Building Microservices", List.of("Sam Newman"), null, null, List.of(new Chapter(4, "통합")));
    }

    @Nested
    @DisplayName("register")
    class Register {

        @Test
        @DisplayName("registers the book under the import's id and publishes BookRegistered")
        void registersUnderGivenId() {
            assertThat(register()).isTrue();

            assertThat(books.find(id))
                    .hasValueSatisfying(book -> assertThat(book.title()).isEqualTo("Building Microservices"));
            assertThat(events.published()).singleElement().isInstanceOf(BookRegistered.class);
        }

        @Test
        @DisplayName("does nothing for a book already there: an earlier attempt registered it")
        void alreadyThere() {
            register();

            assertThat(register()).isFalse();

            assertThat(books.count()).isOne();
            assertThat(events.published()).hasSize(1);
        }
    }

    @Nested
    @DisplayName("remove")
    class Remove {

        @Test
        @DisplayName("removes the book and publishes BookRemoved")
        void removes() {
            register();

            assertThat(bookImport.remove(id)).isTrue();

            assertThat(books.find(id)).isEmpty();
            assertThat(events.published()).last().isInstanceOf(BookRemoved.class);
        }

        @Test
        @DisplayName("does nothing for a book that is not there: nothing is left to undo")
        void absent() {
            assertThat(bookImport.remove(id)).isFalse();

            assertThat(events.published()).isEmpty();
        }
    }
}
