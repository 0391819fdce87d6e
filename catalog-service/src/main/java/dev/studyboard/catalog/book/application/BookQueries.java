package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Use cases that only read: one book with its chapters, its version alone, or a page of the book list. */
@Service
@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ) // one snapshot for the book and its chapters
public class BookQueries {

    private final BookRepository books;

    BookQueries(BookRepository books) {
        this.books = books;
    }

    public Book get(BookId id) {
        return books.find(id).orElseThrow(() -> new BookNotFoundException(id));
    }

    /** The book's current version, without loading the book: one small query decides a 304. */
    @Transactional(readOnly = true) // one statement: no snapshot to share
    public long version(BookId id) {
        return books.findVersion(id).orElseThrow(() -> new BookNotFoundException(id));
    }

    public BookPage list(int page, int size) {
        return new BookPage(books.list(page, size), page, size, books.count());
    }

    public record BookPage(List<BookSummary> books, int page, int size, long totalBooks) {

        public long totalPages() {
            return (totalBooks + size - 1) / size;
        }
    }
}
