package dev.studyboard.catalog.book.adapter.out.messaging;

import java.util.List;
import java.util.UUID;

/**
 * The published contract of {@code catalog.events}, version 1: the JSON data of each CloudEvent. Kept apart
 * from the domain events so the domain can change without breaking consumers (docs/events.md).
 */
final class CatalogEventMessages {

    private CatalogEventMessages() {}

    record SectionData(String item, String title, Integer page) {}

    record ChapterData(int number, String title, List<SectionData> sections) {}

    record BookRegisteredV1(
            UUID bookId,
            long bookVersion,
            String title,
            List<String> authors,
            String edition,
            String language,
            List<ChapterData> chapters) {}

    record BookRemovedV1(UUID bookId, long bookVersion) {}

    record ChapterAddedV1(UUID bookId, long bookVersion, ChapterData chapter) {}

    record ChapterRenamedV1(UUID bookId, long bookVersion, int chapterNumber, String title) {}

    record ChapterRemovedV1(UUID bookId, long bookVersion, int chapterNumber, List<String> removedItems) {}

    record SectionAddedV1(UUID bookId, long bookVersion, int chapterNumber, SectionData section) {}

    record SectionRevisedV1(UUID bookId, long bookVersion, int chapterNumber, SectionData section) {}

    record SectionRemovedV1(UUID bookId, long bookVersion, int chapterNumber, String item) {}
}
