package dev.studyboard.progress.replica.application;

import dev.studyboard.progress.replica.application.CatalogChange.Chapter;
import dev.studyboard.progress.replica.application.CatalogChange.Section;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port to this service's copy of the catalog's books, chapters and sections. */
public interface BookReplicaStore {

    /** The version applied last, and whether the book has been removed; empty if never seen. */
    Optional<ReplicaVersion> version(UUID bookId);

    void insert(UUID bookId, long version, String title, List<Chapter> chapters);

    void setVersion(UUID bookId, long version);

    void insertChapter(UUID bookId, Chapter chapter);

    void renameChapter(UUID bookId, int number, String title);

    void deleteChapter(UUID bookId, int number);

    void upsertSection(UUID bookId, int chapterNumber, Section section);

    void deleteSection(UUID bookId, String item);

    /** Item numbers of all the book's sections. */
    List<String> items(UUID bookId);

    /** Keeps a tombstone with the final version; drops chapters and sections. */
    void markRemoved(UUID bookId, long version);
}
