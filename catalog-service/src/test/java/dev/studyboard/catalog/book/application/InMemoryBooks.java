package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link BookRepository} port in memory, for use-case tests without a database. It stores copies, so a
 * use case sees only what was saved, and checks versions on save as the database adapter does.
 */
class InMemoryBooks implements BookRepository {

    private final Map<BookId, Book> stored = new LinkedHashMap<>();
    private Runnable afterNextReadForChange = () -> {};
    private int loads;

    /** How many times a whole book was read, chapters and all. */
    int loads() {
        return loads;
    }

    /** Lets another request run right after the next use case has read its book, before it saves. */
    void whenNextReadForChange(Runnable anotherRequest) {
        afterNextReadForChange = anotherRequest;
    }

    @Override
    public Optional<Book> find(BookId id) {
        loads++;
        return Optional.ofNullable(stored.get(id)).map(InMemoryBooks::copy);
    }

    @Override
    public Optional<Long> findVersion(BookId id) {
        return Optional.ofNullable(stored.get(id)).map(Book::version);
    }

    @Override
    public Optional<Book> findForChange(BookId id) {
        var book = find(id);
        var anotherRequest = afterNextReadForChange;
        afterNextReadForChange = () -> {};
        anotherRequest.run();
        return book;
    }

    @Override
    public List<BookSummary> list(int page, int size) {
        throw new UnsupportedOperationException("the book list is a query: its tests read the database");
    }

    @Override
    public long count() {
        return stored.size();
    }

    @Override
    public void add(Book book) {
        stored.put(book.id(), copy(book));
    }

    @Override
    public void update(Book book) {
        requireUnchangedSinceRead(book);
        stored.put(book.id(), copy(book));
    }

    @Override
    public void remove(Book book) {
        requireUnchangedSinceRead(book);
        stored.remove(book.id());
    }

    /** Optimistic locking: the stored version must still be the one this change started from. */
    private void requireUnchangedSinceRead(Book book) {
        var current = stored.get(book.id());
        if (current == null || current.version() != book.version() - 1) {
            throw new ConcurrentBookChangeException(book.id());
        }
    }

    private static Book copy(Book book) {
        return Book.restore(
                book.id(),
                book.title(),
                book.authors(),
                book.edition().orElse(null),
                book.language().orElse(null),
                book.chapters(),
                book.version());
    }
}
