package dev.studyboard.catalog.book.domain;

/** Checks for the free-text fields of books, chapters and sections. */
final class Text {

    private Text() {}

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidBookException(field, "must not be blank");
        }
        return optional(field, value, maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        var trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new InvalidBookException(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }
}
