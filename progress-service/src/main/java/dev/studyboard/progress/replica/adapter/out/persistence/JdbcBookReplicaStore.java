package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.replica.application.BookReplicaStore;
import dev.studyboard.progress.replica.application.CatalogChange.Chapter;
import dev.studyboard.progress.replica.application.CatalogChange.Section;
import dev.studyboard.progress.replica.application.ReplicaVersion;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The book replica in plain SQL: a row per book (its version, its tombstone), its chapters and their sections. */
@Repository
class JdbcBookReplicaStore implements BookReplicaStore {

    private final JdbcClient jdbc;

    JdbcBookReplicaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ReplicaVersion> version(UUID bookId) {
        return jdbc.sql("SELECT version, removed FROM book_replica WHERE book_id = ?")
                .param(bookId)
                .query((rs, n) -> new ReplicaVersion(rs.getLong("version"), rs.getBoolean("removed")))
                .optional();
    }

    @Override
    public void insert(UUID bookId, long version, String title, List<Chapter> chapters) {
        update("INSERT INTO book_replica (book_id, title, version) VALUES (?, ?, ?)", bookId, title, version);
        chapters.forEach(chapter -> insertChapter(bookId, chapter));
    }

    @Override
    public void setVersion(UUID bookId, long version) {
        update("UPDATE book_replica SET version = ? WHERE book_id = ?", version, bookId);
    }

    @Override
    public void insertChapter(UUID bookId, Chapter chapter) {
        update(
                "INSERT INTO chapter_replica (book_id, number, title) VALUES (?, ?, ?)",
                bookId,
                chapter.number(),
                chapter.title());
        var sections = chapter.sections() == null ? List.<Section>of() : chapter.sections();
        sections.forEach(section -> upsertSection(bookId, chapter.number(), section));
    }

    @Override
    public void renameChapter(UUID bookId, int number, String title) {
        update("UPDATE chapter_replica SET title = ? WHERE book_id = ? AND number = ?", title, bookId, number);
    }

    /** Its sections go with it (the foreign key cascades). */
    @Override
    public void deleteChapter(UUID bookId, int number) {
        update("DELETE FROM chapter_replica WHERE book_id = ? AND number = ?", bookId, number);
    }

    @Override
    public void upsertSection(UUID bookId, int chapterNumber, Section section) {
        update("""
                INSERT INTO section_replica (book_id, item, chapter_number, title, page) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (book_id, item) DO UPDATE
                   SET chapter_number = EXCLUDED.chapter_number, title = EXCLUDED.title, page = EXCLUDED.page
                """, bookId, section.item(), chapterNumber, section.title(), section.page());
    }

    @Override
    public void deleteSection(UUID bookId, String item) {
        update("DELETE FROM section_replica WHERE book_id = ? AND item = ?", bookId, item);
    }

    @Override
    public List<String> items(UUID bookId) {
        return jdbc.sql("SELECT item FROM section_replica WHERE book_id = ?")
                .param(bookId)
                .query(String.class)
                .list();
    }

    @Override
    public void markRemoved(UUID bookId, long version) {
        update("DELETE FROM chapter_replica WHERE book_id = ?", bookId);
        update("UPDATE book_replica SET removed = TRUE, version = ? WHERE book_id = ?", version, bookId);
    }

    private void update(String sql, Object... params) {
        jdbc.sql(sql).params(params).update();
    }
}
