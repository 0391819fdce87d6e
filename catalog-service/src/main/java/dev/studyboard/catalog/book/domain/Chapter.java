package dev.studyboard.catalog.book.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * A chapter of a book: its number, title and sections, kept in item-number order. A value: every change
 * returns a new chapter, and the {@link Book} swaps it in.
 */
public record Chapter(int number, String title, List<Section> sections) {

    public static final int MIN_NUMBER = 1;
    public static final int MAX_NUMBER = 999;
    public static final int MAX_TITLE_LENGTH = 200;

    public Chapter {
        if (number < MIN_NUMBER || number > MAX_NUMBER) {
            throw new InvalidBookException(
                    "number", "must be a chapter number from " + MIN_NUMBER + " to " + MAX_NUMBER);
        }
        title = Text.required("title", title, MAX_TITLE_LENGTH);
        sections = sorted(number, sections == null ? List.of() : sections);
    }

    public Chapter(int number, String title) {
        this(number, title, List.of());
    }

    public Optional<Section> section(ItemNumber item) {
        return sections.stream().filter(s -> s.item().equals(item)).findFirst();
    }

    Chapter withTitle(String newTitle) {
        return new Chapter(number, newTitle, sections);
    }

    Chapter withSection(Section section) {
        var changed = new ArrayList<>(sections);
        changed.removeIf(s -> s.item().equals(section.item()));
        changed.add(section);
        return new Chapter(number, title, changed);
    }

    Chapter withoutSection(ItemNumber item) {
        return new Chapter(
                number,
                title,
                sections.stream().filter(s -> !s.item().equals(item)).toList());
    }

    private static List<Section> sorted(int chapterNumber, List<Section> sections) {
        var items = new HashSet<ItemNumber>();
        for (int i = 0; i < sections.size(); i++) {
            var item = sections.get(i).item();
            if (item.chapterNumber() != chapterNumber) {
                throw new InvalidBookException(
                        "sections[" + i + "].item", "item " + item + " does not belong to chapter " + chapterNumber);
            }
            if (!items.add(item)) {
                throw new InvalidBookException("sections[" + i + "].item", "item " + item + " appears twice");
            }
        }
        return sections.stream().sorted(Comparator.comparing(Section::item)).toList();
    }
}
