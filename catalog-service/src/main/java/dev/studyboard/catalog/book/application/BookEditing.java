package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import dev.studyboard.problems.StaleVersionException;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.function.BiConsumer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases that change a registered book: its chapters, its sections, or the book as a whole.
 *
 * <p>Each one reads the book, checks the version the client saw ({@code If-Match}), lets the book apply
 * the change, then saves it and its event in one transaction. Concurrent edits never silently overwrite each
 * other: the book's row is locked while a change is made (so two changes of one book take turns), the
 * client's {@code If-Match} refuses an edit of a version it has not seen, and the version check on save
 * guards the write itself.
 */
@Service
@Transactional
public class BookEditing {

    private final BookRepository books;
    private final BookEvents events;
    private final Clock clock;

    BookEditing(BookRepository books, BookEvents events, Clock clock) {
        this.books = books;
        this.events = events;
        this.clock = clock;
    }

    public Book addChapter(BookId id, OptionalLong expectedVersion, Chapter chapter) {
        return change(id, expectedVersion, (book, now) -> book.addChapter(chapter, now));
    }

    public Book renameChapter(BookId id, OptionalLong expectedVersion, int number, String title) {
        return change(id, expectedVersion, (book, now) -> book.renameChapter(number, title, now));
    }

    public Book removeChapter(BookId id, OptionalLong expectedVersion, int number) {
        return change(id, expectedVersion, (book, now) -> book.removeChapter(number, now));
    }

    public Book addSection(BookId id, OptionalLong expectedVersion, int chapterNumber, Section section) {
        return change(id, expectedVersion, (book, now) -> book.addSection(chapterNumber, section, now));
    }

    public Book reviseSection(
            BookId id, OptionalLong expectedVersion, int chapterNumber, ItemNumber item, String title, Integer page) {
        return change(id, expectedVersion, (book, now) -> book.reviseSection(chapterNumber, item, title, page, now));
    }

    public Book removeSection(BookId id, OptionalLong expectedVersion, int chapterNumber, ItemNumber item) {
        return change(id, expectedVersion, (book, now) -> book.removeSection(chapterNumber, item, now));
    }

    public void removeBook(BookId id, OptionalLong expectedVersion) {
        var book = current(id, expectedVersion);
        book.remove(clock.instant());
        books.remove(book);
        events.publish(book.pullEvents());
    }

    private Book change(BookId id, OptionalLong expectedVersion, BiConsumer<Book, Instant> change) {
        var book = current(id, expectedVersion);
        change.accept(book, clock.instant());
        books.update(book);
        events.publish(book.pullEvents());
        return book;
    }

    private Book current(BookId id, OptionalLong expectedVersion) {
        var book = books.findForChange(id).orElseThrow(() -> new BookNotFoundException(id));
        StaleVersionException.throwIfStale("book", expectedVersion, book.version());
        return book;
    }
}
