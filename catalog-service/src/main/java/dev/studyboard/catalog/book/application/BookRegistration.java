package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.Chapter;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Use case: register a book with its whole table of contents in one request. */
@Service
public class BookRegistration {

    private final BookRepository books;
    private final BookEvents events;
    private final Clock clock;

    BookRegistration(BookRepository books, BookEvents events, Clock clock) {
        this.books = books;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Stores the book and its {@code BookRegistered} event in one local transaction: both are committed, or
     * neither.
     */
    @Transactional
    public Book register(String title, List<String> authors, String edition, String language, List<Chapter> chapters) {
        return register(BookId.newId(), title, authors, edition, language, chapters);
    }

    /** The same, under an id chosen beforehand: an import's, so its later steps can name the book. */
    @Transactional
    public Book register(
            BookId id, String title, List<String> authors, String edition, String language, List<Chapter> chapters) {
        var book = Book.register(id, title, authors, edition, language, chapters, clock.instant());
        books.add(book);
        events.publish(book.pullEvents());
        return book;
    }
}
