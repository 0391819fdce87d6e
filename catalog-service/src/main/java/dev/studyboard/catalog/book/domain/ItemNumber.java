package dev.studyboard.catalog.book.domain;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A section's item number exactly as the study notes write it: "3.1", "4.10". It sorts by its numbers,
 * so 4.9 comes before 4.10, and its first number is the chapter it belongs to.
 */
public record ItemNumber(String value) implements Comparable<ItemNumber> {

    public static final String FORMAT = "\\d{1,3}(\\.\\d{1,3})+";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    public ItemNumber {
        Objects.requireNonNull(value, "value");
        if (!PATTERN.matcher(value).matches()) {
            throw new InvalidBookException("item", "'" + value + "' is not an item number like 3.1 or 4.10");
        }
    }

    public static ItemNumber of(String value) {
        return new ItemNumber(value);
    }

    /** The chapter number: the first part of the item number (4 for "4.10"). */
    public int chapterNumber() {
        return parts()[0];
    }

    private int[] parts() {
        return Arrays.stream(value.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }

    @Override
    public int compareTo(ItemNumber other) {
        return Arrays.compare(parts(), other.parts());
    }

    @Override
    public String toString() {
        return value;
    }
}
