package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.BookEvent;
import java.util.ArrayList;
import java.util.List;

/** The {@link BookEvents} port in memory, for use-case tests without an outbox: keeps what was published, in order. */
class RecordedBookEvents implements BookEvents {

    private final List<BookEvent> published = new ArrayList<>();

    @Override
    public void publish(List<BookEvent> events) {
        published.addAll(events);
    }

    List<BookEvent> published() {
        return List.copyOf(published);
    }
}
