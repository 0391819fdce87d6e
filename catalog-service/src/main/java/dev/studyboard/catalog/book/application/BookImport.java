package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.Chapter;
import java.util.List;
import java.util.OptionalLong;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Use cases of the import saga's catalog step (docs/import-saga.md): register a book under the id the import
 * chose, and take it away again to compensate. Both go the normal way (events included) and are safe to repeat:
 * what is already done is not done twice.
 */
@Service
@Transactional
public class BookImport {

    private final BookRepository books;
    private final BookRegistration registration;
    private final BookEditing editing;

    BookImport(BookRepository books, BookRegistration registration, BookEditing editing) {
        this.books = books;
        this.registration = registration;
        this.editing = editing;
    }

    /** @return false if a book with that id exists already: an earlier attempt of the same import registered it */
    public boolean register(
            BookId id, String title, List<String> authors, String edition, String language, List<Chapter> chapters) {
        if (books.find(id).isPresent()) {
            return false;
        }
        registration.register(id, title, authors, edition, language, chapters);
        return true;
    }

    /** @return false if there was no such book (never registered, or removed before): nothing left to undo */
    public boolean remove(BookId id) {
        if (books.find(id).isEmpty()) {
            return false;
        }
        editing.removeBook(id, OptionalLong.empty()); // no version to check: the import removes what it made
        return true;
    }
}
