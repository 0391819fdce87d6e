package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.replica.application.BookReplicaStore;
import dev.studyboard.progress.replica.application.CatalogChange.Chapter;
import dev.studyboard.progress.replica.application.CatalogChange.Section;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBookReplicaStore implements BookReplicaStore {

    private final JdbcClient jdbc;

    JdbcBookReplicaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<ReplicatedBook> find(UUID bookId) {
        return jdbc.sql("SELECT version, removed FROM book_replica WHERE book_id = :id")
                .param("id", bookId)
                .query((rs, n) -> new ReplicatedBook(bookId, rs.getLong("version"), rs.getBoolean("removed")))
                .optional();
    }

    @Override
    public void insert(UUID bookId, long version, String title, List<Chapter> chapters) {
        jdbc.sql("INSERT INTO book_replica (book_id, title, version) VALUES (:id, :title, :version)")
                .param("id", bookId).param("title", title).param("version", version)
                .update();
        chapters.forEach(chapter -> insertChapter(bookId, chapter));
    }

    @Override
    public void setVersion(UUID bookId, long version) {
        jdbc.sql("UPDATE book_replica SET version = :version WHERE book_id = :id")
                .param("id", bookId).param("version", version)
                .update();
    }

    @Override
    public void insertChapter(UUID bookId, Chapter chapter) {
        jdbc.sql("INSERT INTO chapter_replica (book_id, number, title) VALUES (:id, :number, :title)")
                .param("id", bookId).param("number", chapter.number()).param("title", chapter.title())
                .update();
        var sections = chapter.sections() == null ? List.<Section>of() : chapter.sections();
        sections.forEach(section -> upsertSection(bookId, chapter.number(), section));
    }

    @Override
    public void renameChapter(UUID bookId, int number, String title) {
        jdbc.sql("UPDATE chapter_replica SET title = :title WHERE book_id = :id AND number = :number")
                .param("id", bookId).param("number", number).param("title", title)
                .update();
    }

    @Override
    public void deleteChapter(UUID bookId, int number) {
        jdbc.sql("DELETE FROM chapter_replica WHERE book_id = :id AND number = :number")
                .param("id", bookId).param("number", number)
                .update();
    }

    @Override
    public void upsertSection(UUID bookId, int chapterNumber, Section section) {
        jdbc.sql("""
                        INSERT INTO section_replica (book_id, item, chapter_number, title, page)
                        VALUES (:id, :item, :chapter, :title, :page)
                        ON CONFLICT (book_id, item) DO UPDATE
                           SET chapter_number = EXCLUDED.chapter_number, title = EXCLUDED.title, page = EXCLUDED.page
                        """)
                .param("id", bookId).param("item", section.item()).param("chapter", chapterNumber)
                .param("title", section.title()).param("page", section.page())
                .update();
    }

    @Override
    public void deleteSection(UUID bookId, String item) {
        jdbc.sql("DELETE FROM section_replica WHERE book_id = :id AND item = :item")
                .param("id", bookId).param("item", item)
                .update();
    }

    @Override
    public List<String> items(UUID bookId) {
        return jdbc.sql("SELECT item FROM section_replica WHERE book_id = :id")
                .param("id", bookId)
                .query(String.class)
                .list();
    }

    @Override
    public void markRemoved(UUID bookId, long version) {
        jdbc.sql("DELETE FROM chapter_replica WHERE book_id = :id").param("id", bookId).update();
        jdbc.sql("UPDATE book_replica SET removed = TRUE, version = :version WHERE book_id = :id")
                .param("id", bookId).param("version", version)
                .update();
    }
}
