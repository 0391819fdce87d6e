package dev.studyboard.progress.replica.application;

import java.util.List;
import java.util.UUID;

/**
 * The catalog's events as this service reads them (the subset of {@code catalog.events} data it needs).
 * Every change carries the book's version after it, so a replica can tell old news from new.
 */
public sealed interface CatalogChange {

    UUID bookId();

    long bookVersion();

    record Section(String item, String title, Integer page) {}

    record Chapter(int number, String title, List<Section> sections) {}

    record BookRegistered(UUID bookId, long bookVersion, String title, List<Chapter> chapters)
            implements CatalogChange {}

    record BookRemoved(UUID bookId, long bookVersion) implements CatalogChange {}

    record ChapterAdded(UUID bookId, long bookVersion, Chapter chapter) implements CatalogChange {}

    record ChapterRenamed(UUID bookId, long bookVersion, int chapterNumber, String title) implements CatalogChange {}

    record ChapterRemoved(UUID bookId, long bookVersion, int chapterNumber, List<String> removedItems)
            implements CatalogChange {}

    record SectionAdded(UUID bookId, long bookVersion, int chapterNumber, Section section) implements CatalogChange {}

    record SectionRevised(UUID bookId, long bookVersion, int chapterNumber, Section section) implements CatalogChange {}

    record SectionRemoved(UUID bookId, long bookVersion, int chapterNumber, String item) implements CatalogChange {}
}
