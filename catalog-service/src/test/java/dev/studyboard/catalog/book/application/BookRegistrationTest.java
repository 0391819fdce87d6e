package dev.studyboard.catalog.book.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.catalog.book.domain.BookEvent.BookRegistered;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.InvalidBookException;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Registering a book (the use case on in-memory ports)")
class BookRegistrationTest {

    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

    private final InMemoryBooks books = new InMemoryBooks();
    private final RecordedBookEvents events = new RecordedBookEvents();
    private final BookRegistration registration = new BookRegistration(books, events, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    @DisplayName("stores the book at version 1 and publishes BookRegistered with its table of contents")
    void storesAndPublishes() {
        var chapter = new Chapter(8, "모니터링", List.of(new Section(ItemNumber.of("8.7"), "합성 모니터링", 250)));

        var book =
                registration.register("Building Microservices", List.of("Sam Newman"), "2nd", "ko", List.of(chapter));

        assertThat(books.find(book.id())).hasValueSatisfying(stored -> {
            assertThat(stored.version()).isEqualTo(1);
            assertThat(stored.chapters()).containsExactly(chapter);
        });
        assertThat(events.published()).singleElement().isInstanceOfSatisfying(BookRegistered.class, event -> {
            assertThat(event.bookId()).isEqualTo(book.id());
            assertThat(event.bookVersion()).isEqualTo(1);
            assertThat(event.occurredAt()).isEqualTo(NOW);
            assertThat(event.chapters()).containsExactly(chapter);
        });
    }

    @Test
    @DisplayName("stores and publishes nothing for a book that breaks a rule")
    void refusesInvalidBook() {
        assertThatThrownBy(() -> registration.register("Building Microservices", List.of(), null, null, List.of()))
                .isInstanceOfSatisfying(
                        InvalidBookException.class, e -> assertThat(e.field()).isEqualTo("authors"));

        assertThat(books.count()).isZero();
        assertThat(events.published()).isEmpty();
    }
}
