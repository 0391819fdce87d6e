package dev.studyboard.progress.board.adapter.out.persistence;

import dev.studyboard.progress.board.api.Board;
import dev.studyboard.progress.board.api.BookProgress;
import dev.studyboard.progress.board.api.MemberSummary;
import dev.studyboard.progress.board.api.WriteUpStatus;
import dev.studyboard.progress.board.application.BoardReadModel;
import dev.studyboard.progress.board.domain.ItemOrder;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Data join inside one database: the catalog's sections and the members from the replicas' tables, the
 * assignments from their own table, and one SQL join makes the board, with no remote call and none of the other
 * features' code.
 */
@Repository
class JdbcBoardReadModel implements BoardReadModel {

    private static final String BOARD = """
            SELECT c.number AS chapter_number, c.title AS chapter_title,
                   s.item, s.title AS section_title, s.page,
                   a.assignee, m.display_name, a.status
              FROM chapter_replica c
              LEFT JOIN section_replica s ON s.book_id = c.book_id AND s.chapter_number = c.number
              LEFT JOIN assignment a ON a.book_id = s.book_id AND a.item = s.item
              LEFT JOIN member_replica m ON m.member_id = a.assignee
             WHERE c.book_id = :bookId
             ORDER BY c.number
            """;

    private final JdbcClient jdbc;

    JdbcBoardReadModel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Board> board(UUID bookId) {
        var title = jdbc.sql("SELECT title FROM book_replica WHERE book_id = :id AND NOT removed")
                .param("id", bookId)
                .query(String.class)
                .optional();
        if (title.isEmpty()) {
            return Optional.empty();
        }
        var chapters = new LinkedHashMap<Integer, ChapterRows>();
        jdbc.sql(BOARD).param("bookId", bookId).query((ResultSet rs) -> {
            var chapterTitle = rs.getString("chapter_title");
            var chapter = chapters.computeIfAbsent(
                    rs.getInt("chapter_number"), number -> new ChapterRows(number, chapterTitle));
            if (rs.getString("item") != null) {
                chapter.rows().add(row(rs));
            }
        });
        var boardChapters = chapters.values().stream()
                .map(c -> new Board.Chapter(
                        c.number(),
                        c.title(),
                        c.rows().stream()
                                .sorted(Comparator.comparing(Board.Row::item, ItemOrder.NUMERIC))
                                .toList()))
                .toList();
        return Optional.of(new Board(bookId, title.get(), boardChapters));
    }

    @Override
    public List<BookProgress> books() {
        return jdbc.sql("""
                        SELECT b.book_id, b.title,
                               count(s.item) AS sections,
                               count(a.item) FILTER (WHERE a.status = 'DONE') AS done
                          FROM book_replica b
                          LEFT JOIN section_replica s ON s.book_id = b.book_id
                          LEFT JOIN assignment a ON a.book_id = s.book_id AND a.item = s.item
                         WHERE NOT b.removed
                         GROUP BY b.book_id, b.title
                         ORDER BY b.title, b.book_id
                        """)
                .query((rs, n) -> new BookProgress(
                        rs.getObject("book_id", UUID.class),
                        rs.getString("title"),
                        rs.getInt("sections"),
                        rs.getInt("done")))
                .list();
    }

    @Override
    public Optional<MemberSummary> summaryOf(UUID memberId) {
        var member = jdbc.sql("SELECT display_name, active FROM member_replica WHERE member_id = :id")
                .param("id", memberId)
                .query((rs, n) -> new MemberRow(rs.getString("display_name"), rs.getBoolean("active")))
                .optional();
        if (member.isEmpty()) {
            return Optional.empty();
        }
        var work = jdbc
                .sql("""
                        SELECT a.book_id, b.title AS book_title, a.item, s.title AS section_title, a.status
                          FROM assignment a
                          JOIN section_replica s ON s.book_id = a.book_id AND s.item = a.item
                          JOIN book_replica b ON b.book_id = a.book_id
                         WHERE a.assignee = :id
                         ORDER BY b.title, a.book_id
                        """)
                .param("id", memberId)
                .query((rs, n) -> new MemberSummary.Work(
                        rs.getObject("book_id", UUID.class),
                        rs.getString("book_title"),
                        rs.getString("item"),
                        rs.getString("section_title"),
                        WriteUpStatus.valueOf(rs.getString("status"))))
                .list()
                .stream()
                .sorted(Comparator.comparing(MemberSummary.Work::bookTitle)
                        .thenComparing(MemberSummary.Work::item, ItemOrder.NUMERIC))
                .toList();
        int inProgress = (int) work.stream()
                .filter(w -> w.status() == WriteUpStatus.IN_PROGRESS)
                .count();
        int done = (int)
                work.stream().filter(w -> w.status() == WriteUpStatus.DONE).count();
        return Optional.of(new MemberSummary(
                memberId, member.get().displayName(), member.get().active(), work.size(), inProgress, done, work));
    }

    private record MemberRow(String displayName, boolean active) {}

    private record ChapterRows(int number, String title, List<Board.Row> rows) {
        ChapterRows(int number, String title) {
            this(number, title, new ArrayList<>());
        }
    }

    private static Board.Row row(ResultSet rs) throws SQLException {
        var status = rs.getString("status");
        return new Board.Row(
                rs.getString("item"),
                rs.getString("section_title"),
                rs.getObject("page", Integer.class),
                rs.getObject("assignee", UUID.class),
                rs.getString("display_name"),
                status == null ? WriteUpStatus.TODO : WriteUpStatus.valueOf(status));
    }
}
