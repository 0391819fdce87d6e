package dev.studyboard.catalog.book.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.Chapter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The read use cases on the in-memory port. What a conditional read (304) relies on: the current version is
 * known without loading the book.
 */
@DisplayName("Reading a book (the use cases on in-memory ports)")
class BookQueriesTest {

    private final InMemoryBooks books = new InMemoryBooks();
    private final BookQueries queries = new BookQueries(books);

    private BookId id;

    /** Given: a stored book at version 1. */
    @BeforeEach
    void storeBook() {
        var book = Book.register(
                BookId.newId(),
                "그림으로 공부하는 마이크로 서비스 구조",
                List.of("Author"),
                null,
                "ko",
                List.of(new Chapter(3, "마이크로서비스 아키텍처의 기본")),
                Instant.parse("2026-11-28T10:00:00Z"));
        books.add(book);
        id = book.id();
    }

    @Test
    @DisplayName("the current version is read without loading the book")
    void versionWithoutLoading() {
        var version = queries.version(id);

        assertThat(version).isEqualTo(1);
        assertThat(books.loads()).isZero();
    }

    @Test
    @DisplayName("the book itself is loaded, chapters and all, only when asked for")
    void bookIsLoaded() {
        var book = queries.get(id);

        assertThat(book.chapters()).hasSize(1);
        assertThat(books.loads()).isEqualTo(1);
    }

    @Test
    @DisplayName("the version of an unknown book: not found, as the book itself")
    void unknownBook() {
        var unknown = BookId.newId();

        assertThatThrownBy(() -> queries.version(unknown)).isInstanceOf(BookNotFoundException.class);
        assertThatThrownBy(() -> queries.get(unknown)).isInstanceOf(BookNotFoundException.class);
    }
}
