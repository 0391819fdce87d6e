package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.BookEvent;
import java.util.List;

/** Port for publishing the book's events; called inside the transaction that changed the book. */
public interface BookEvents {

    void publish(List<BookEvent> events);
}
