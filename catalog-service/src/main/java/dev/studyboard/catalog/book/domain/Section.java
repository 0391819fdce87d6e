package dev.studyboard.catalog.book.domain;

import java.util.Objects;

/**
 * A section of a chapter, one row of the study board: item number, title, and the page it starts on
 * ({@code null} when the notes give none).
 */
public record Section(ItemNumber item, String title, Integer page) {

    public static final int MAX_TITLE_LENGTH = 200;

    public Section {
        Objects.requireNonNull(item, "item");
        title = Text.required("title", title, MAX_TITLE_LENGTH);
        if (page != null && page < 1) {
            throw new InvalidBookException("page", "must be a positive page number");
        }
    }

    public Section withTitleAndPage(String newTitle, Integer newPage) {
        return new Section(item, newTitle, newPage);
    }
}
