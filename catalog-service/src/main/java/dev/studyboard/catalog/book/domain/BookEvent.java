package dev.studyboard.catalog.book.domain;

import java.time.Instant;
import java.util.List;

/**
 * What happened to a book, as the domain records it. Every event carries the book's version after the
 * change, so a consumer can tell an old event from a new one.
 */
public sealed interface BookEvent {

    BookId bookId();

    long bookVersion();

    Instant occurredAt();

    record BookRegistered(
            BookId bookId,
            long bookVersion,
            Instant occurredAt,
            String title,
            List<String> authors,
            String edition,
            String language,
            List<Chapter> chapters)
            implements BookEvent {}

    record BookRemoved(BookId bookId, long bookVersion, Instant occurredAt) implements BookEvent {}

    record ChapterAdded(BookId bookId, long bookVersion, Instant occurredAt, Chapter chapter) implements BookEvent {}

    record ChapterRenamed(BookId bookId, long bookVersion, Instant occurredAt, int chapterNumber, String title)
            implements BookEvent {}

    /** The chapter went, and with it these sections. */
    record ChapterRemoved(
            BookId bookId, long bookVersion, Instant occurredAt, int chapterNumber, List<ItemNumber> removedSections)
            implements BookEvent {}

    record SectionAdded(BookId bookId, long bookVersion, Instant occurredAt, int chapterNumber, Section section)
            implements BookEvent {}

    /** A section's title or page changed. */
    record SectionRevised(BookId bookId, long bookVersion, Instant occurredAt, int chapterNumber, Section section)
            implements BookEvent {}

    record SectionRemoved(BookId bookId, long bookVersion, Instant occurredAt, int chapterNumber, ItemNumber item)
            implements BookEvent {}
}
