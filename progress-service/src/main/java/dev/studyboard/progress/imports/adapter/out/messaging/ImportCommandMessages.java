package dev.studyboard.progress.imports.adapter.out.messaging;

import java.util.List;
import java.util.UUID;

/**
 * The published contract of the import saga's commands, version 1: the JSON data of each CloudEvent
 * (docs/import-saga.md). Kept apart from the domain so either can change without the other.
 */
final class ImportCommandMessages {

    private ImportCommandMessages() {}

    record SectionData(String item, String title, Integer page) {}

    record ChapterData(int number, String title, List<SectionData> sections) {}

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

    record WriterData(String displayName, String account) {}

    record JoinWritersV1(UUID importId, List<WriterData> writers, String initiator) {}

    record RemoveImportedMembersV1(UUID importId, String initiator) {}
}
