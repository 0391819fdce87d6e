package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import java.util.List;
import java.util.Optional;

/**
 * Port to the catalog's own database (hexagonal architecture): the application says what
 * it needs, the persistence adapter decides how. Only the catalog service ever uses this database.
 */
public interface BookRepository {

    Optional<Book> find(BookId id);

    /** The book's current version alone, without its chapters: enough to answer a conditional read (304). */
    Optional<Long> findVersion(BookId id);

    /** Reads the book to change it: no other change of it can commit until this transaction ends. */
    Optional<Book> findForChange(BookId id);

    /** A page of books, ordered by title, without their chapters. */
    List<BookSummary> list(int page, int size);

    long count();

    void add(Book book);

    /**
     * Saves a changed book if nobody else changed it since it was read (optimistic locking).
     *
     * @throws ConcurrentBookChangeException if the stored version is no longer the one before this change
     */
    void update(Book book);

    /** @throws ConcurrentBookChangeException if the book changed since it was read */
    void remove(Book book);
}
