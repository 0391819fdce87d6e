package dev.studyboard.catalog.book.adapter.in.messaging;

import java.util.List;
import java.util.UUID;

/**
 * The published contract of the catalog's step of an import (docs/import-saga.md), version 1: the JSON data of
 * the commands it reads from {@code catalog.commands} and of the replies it sends to {@code import.replies}.
 * Commands are read as a tolerant reader: fields not named here are ignored (Jackson 3's default), so the
 * orchestrator can add some without breaking the catalog.
 */
final class CatalogImportMessages {

    private CatalogImportMessages() {}

    record SectionData(String item, String title, Integer page) {}

    record ChapterData(Integer number, String title, List<SectionData> sections) {}

    record RegisterBookV1(
            UUID importId,
            UUID bookId,
            String title,
            List<String> authors,
            String edition,
            String language,
            List<ChapterData> chapters,
            String initiator) {}

    record RemoveBookV1(UUID importId, UUID bookId, String initiator) {}

    record BookRegisteredV1(UUID importId, UUID commandId, UUID bookId) {}

    record BookRefusedV1(UUID importId, UUID commandId, UUID bookId, String reason) {}

    record BookRemovedV1(UUID importId, UUID commandId, UUID bookId) {}
}
