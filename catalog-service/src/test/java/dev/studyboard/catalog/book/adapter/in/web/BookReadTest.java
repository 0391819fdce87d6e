package dev.studyboard.catalog.book.adapter.in.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.studyboard.catalog.book.application.BookQueries;
import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.Chapter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * The book read through the web adapter alone, its read use cases replaced by a mock: what BookApiTest cannot
 * see from outside, that a matching If-None-Match is answered from the version and never loads the book.
 */
@DisplayName("Reading a book through the web adapter (read use cases mocked)")
class BookReadTest {

    private final Book book = Book.register(
            BookId.newId(),
            "그림으로 공부하는 마이크로 서비스 구조",
            List.of("Author"),
            null,
            "ko",
            List.of(new Chapter(3, "마이크로서비스 아키텍처의 기본")),
            Instant.parse("2026-11-28T10:00:00Z"));
    private final BookQueries queries = mock(BookQueries.class);
    private final RestTestClient http = RestTestClient.bindToController(new BookController(null, null, queries))
            .build();

    /** Given: the book is at version 1. */
    @BeforeEach
    void bookAtVersionOne() {
        when(queries.version(book.id())).thenReturn(1L);
        when(queries.get(book.id())).thenReturn(book);
    }

    @Test
    @DisplayName("the current version in If-None-Match: 304 from the version alone, the book never loaded")
    void matchNeverLoads() {
        http.get()
                .uri("/api/catalog/books/{id}", book.id().value())
                .header(HttpHeaders.IF_NONE_MATCH, "\"1\"")
                .exchange()
                .expectStatus()
                .isNotModified()
                .expectHeader()
                .valueEquals(HttpHeaders.ETAG, "\"1\"");

        verify(queries).version(book.id());
        verify(queries, never()).get(any());
    }

    @Test
    @DisplayName("an older version in If-None-Match: the book is loaded and answered in full")
    void noMatchLoads() {
        http.get()
                .uri("/api/catalog/books/{id}", book.id().value())
                .header(HttpHeaders.IF_NONE_MATCH, "\"0\"")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.title")
                .isEqualTo("그림으로 공부하는 마이크로 서비스 구조");

        verify(queries).get(book.id());
    }
}
