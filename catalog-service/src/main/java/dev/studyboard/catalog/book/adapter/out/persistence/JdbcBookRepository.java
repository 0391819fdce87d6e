package dev.studyboard.catalog.book.adapter.out.persistence;

import dev.studyboard.catalog.book.application.BookRepository;
import dev.studyboard.catalog.book.application.BookSummary;
import dev.studyboard.catalog.book.application.ConcurrentBookChangeException;
import dev.studyboard.catalog.book.domain.Book;
import dev.studyboard.catalog.book.domain.BookId;
import dev.studyboard.catalog.book.domain.Chapter;
import dev.studyboard.catalog.book.domain.ItemNumber;
import dev.studyboard.catalog.book.domain.Section;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Persistence adapter (database access): maps the {@link Book} aggregate to three tables with
 * plain SQL, so every statement the service runs is visible here. A save replaces the book's chapters and
 * sections; the {@code version} column guards against lost updates.
 */
@Repository
class JdbcBookRepository implements BookRepository {

    private final JdbcClient jdbc;

    JdbcBookRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Book> find(BookId id) {
        return find(id, "");
    }

    @Override
    public Optional<Long> findVersion(BookId id) {
        return jdbc.sql("SELECT version FROM book WHERE id = :id")
                .param("id", id.value())
                .query(Long.class)
                .optional();
    }

    /**
     * Locks the book's row first, so the chapters read next are the ones of the version read: a concurrent
     * change waits until this transaction ends instead of slipping in between the two reads.
     */
    @Override
    public Optional<Book> findForChange(BookId id) {
        return find(id, " FOR UPDATE");
    }

    private Optional<Book> find(BookId id, String lock) {
        var row = jdbc.sql("SELECT title, authors, edition, language, version FROM book WHERE id = :id" + lock)
                .param("id", id.value())
                .query((rs, n) -> new BookRow(
                        rs.getString("title"),
                        authors(rs),
                        rs.getString("edition"),
                        rs.getString("language"),
                        rs.getLong("version")))
                .optional();
        return row.map(book -> Book.restore(
                id, book.title(), book.authors(), book.edition(), book.language(), chaptersOf(id), book.version()));
    }

    private record BookRow(String title, List<String> authors, String edition, String language, long version) {}

    /** The book row's columns as statement parameters, by name. */
    private record BookColumns(UUID id, String title, String[] authors, String edition, String language, long version) {

        static BookColumns of(Book book) {
            return new BookColumns(
                    book.id().value(),
                    book.title(),
                    book.authors().toArray(String[]::new),
                    book.edition().orElse(null),
                    book.language().orElse(null),
                    book.version());
        }
    }

    @Override
    public List<BookSummary> list(int page, int size) {
        return jdbc.sql("""
                        SELECT b.id, b.title, b.authors, b.edition, b.language, b.version,
                               (SELECT count(*) FROM chapter c WHERE c.book_id = b.id) AS chapter_count,
                               (SELECT count(*) FROM section s WHERE s.book_id = b.id) AS section_count
                          FROM book b
                         ORDER BY b.title, b.id
                         LIMIT :size OFFSET :offset
                        """)
                .param("size", size)
                .param("offset", (long) page * size)
                .query((rs, n) -> new BookSummary(
                        new BookId(rs.getObject("id", UUID.class)),
                        rs.getString("title"),
                        authors(rs),
                        rs.getString("edition"),
                        rs.getString("language"),
                        rs.getInt("chapter_count"),
                        rs.getInt("section_count"),
                        rs.getLong("version")))
                .list();
    }

    @Override
    public long count() {
        return jdbc.sql("SELECT count(*) FROM book").query(Long.class).single();
    }

    @Override
    public void add(Book book) {
        jdbc.sql("""
                        INSERT INTO book (id, title, authors, edition, language, version)
                        VALUES (:id, :title, :authors, :edition, :language, :version)
                        """).paramSource(BookColumns.of(book)).update();
        insertContents(book);
    }

    /**
     * Optimistic locking: the update only matches while the row still has the version this change started
     * from. Concurrent writers of the same book queue on the row lock, and the second then matches nothing.
     */
    @Override
    public void update(Book book) {
        int updated = jdbc.sql("""
                        UPDATE book SET title = :title, authors = :authors, edition = :edition,
                                        language = :language, version = :version
                         WHERE id = :id AND version = :version - 1
                        """).paramSource(BookColumns.of(book)).update();
        if (updated == 0) {
            throw new ConcurrentBookChangeException(book.id());
        }
        jdbc.sql("DELETE FROM chapter WHERE book_id = :id")
                .param("id", book.id().value())
                .update();
        insertContents(book);
    }

    @Override
    public void remove(Book book) {
        int deleted = jdbc.sql("DELETE FROM book WHERE id = :id AND version = :version - 1")
                .param("id", book.id().value())
                .param("version", book.version())
                .update();
        if (deleted == 0) {
            throw new ConcurrentBookChangeException(book.id());
        }
    }

    private void insertContents(Book book) {
        for (var chapter : book.chapters()) {
            jdbc.sql("INSERT INTO chapter (book_id, number, title) VALUES (:bookId, :number, :title)")
                    .param("bookId", book.id().value())
                    .param("number", chapter.number())
                    .param("title", chapter.title())
                    .update();
            for (var section : chapter.sections()) {
                jdbc.sql("""
                                INSERT INTO section (book_id, chapter_number, item, title, page)
                                VALUES (:bookId, :chapter, :item, :title, :page)
                                """)
                        .param("bookId", book.id().value())
                        .param("chapter", chapter.number())
                        .param("item", section.item().value())
                        .param("title", section.title())
                        .param("page", section.page())
                        .update();
            }
        }
    }

    private List<Chapter> chaptersOf(BookId id) {
        var sectionsByChapter = jdbc
                .sql("""
                        SELECT chapter_number, item, title, page FROM section WHERE book_id = :id
                        """)
                .param("id", id.value())
                .query((rs, n) -> new ChapterSection(
                        rs.getInt("chapter_number"),
                        new Section(
                                ItemNumber.of(rs.getString("item")),
                                rs.getString("title"),
                                rs.getObject("page", Integer.class))))
                .list()
                .stream()
                .collect(Collectors.groupingBy(
                        ChapterSection::chapter, Collectors.mapping(ChapterSection::section, Collectors.toList())));
        return jdbc.sql("SELECT number, title FROM chapter WHERE book_id = :id ORDER BY number")
                .param("id", id.value())
                .query((rs, n) -> new Chapter(
                        rs.getInt("number"),
                        rs.getString("title"),
                        sectionsByChapter.getOrDefault(rs.getInt("number"), List.of())))
                .list();
    }

    private record ChapterSection(int chapter, Section section) {}

    private static List<String> authors(ResultSet rs) throws SQLException {
        return Arrays.asList((String[]) rs.getArray("authors").getArray());
    }
}
