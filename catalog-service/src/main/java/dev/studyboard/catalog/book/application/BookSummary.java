package dev.studyboard.catalog.book.application;

import dev.studyboard.catalog.book.domain.BookId;
import java.util.List;

/** A line of the book list: enough to choose a book, without its table of contents. */
public record BookSummary(
        BookId id,
        String title,
        List<String> authors,
        String edition,
        String language,
        int chapterCount,
        int sectionCount,
        long version) {}
