package dev.studyboard.progress.assignment.adapter.out.persistence;

import dev.studyboard.progress.assignment.application.AssignmentProblems.ConcurrentAssignmentChangeException;
import dev.studyboard.progress.assignment.application.AssignmentRepository;
import dev.studyboard.progress.assignment.domain.Assignment;
import dev.studyboard.progress.assignment.domain.AssignmentStatus;
import dev.studyboard.progress.assignment.domain.SectionRef;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Assignments in plain SQL; the version column is the optimistic lock. */
@Repository
class JdbcAssignmentRepository implements AssignmentRepository {

    private static final String COLUMNS = "book_id, item, assignee, status, version";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcAssignmentRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Assignment> find(SectionRef section) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM assignment WHERE book_id = :bookId AND item = :item")
                .param("bookId", section.bookId())
                .param("item", section.item())
                .query(this::assignment)
                .optional();
    }

    /** Locks the rows: a request changing one of them at the same moment waits, then finds it changed. */
    @Override
    public List<Assignment> findOpenWorkOf(UUID memberId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM assignment WHERE assignee = :memberId AND status <> 'DONE' FOR UPDATE")
                .param("memberId", memberId)
                .query(this::assignment)
                .list();
    }

    @Override
    public List<Assignment> findAll(UUID bookId, List<String> items) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM assignment WHERE book_id = :bookId AND item = ANY(:items) FOR UPDATE")
                .param("bookId", bookId)
                .param("items", items.toArray(String[]::new))
                .query(this::assignment)
                .list();
    }

    /**
     * Inserts the first version or updates the one this change started from, in one statement. If the row is
     * at another version (someone else changed it meanwhile), nothing matches and the change is refused.
     *
     * <p>Why this is race-free without locking the read: members racing to take a free section have all read "no
     * row" and all insert version 1. PostgreSQL lets the first insert through and makes the others wait on its
     * key until it commits; each then takes the {@code ON CONFLICT} branch, finds version 1 where it expected 0,
     * updates nothing, and is refused (no duplicate-key error to translate, no retry loop). If the first rolls
     * back, the next one inserts instead. An existing row works the same way under its row lock.
     */
    @Override
    public void save(Assignment assignment) {
        int saved = jdbc.sql("""
                        INSERT INTO assignment (book_id, item, assignee, status, version, updated_at)
                        VALUES (:bookId, :item, :assignee, :status, :version, :now)
                        ON CONFLICT (book_id, item) DO UPDATE
                           SET assignee = EXCLUDED.assignee, status = EXCLUDED.status,
                               version = EXCLUDED.version, updated_at = EXCLUDED.updated_at
                         WHERE assignment.version = EXCLUDED.version - 1
                        """)
                .param("bookId", assignment.section().bookId())
                .param("item", assignment.section().item())
                .param("assignee", assignment.assignee().orElse(null))
                .param("status", assignment.status().name())
                .param("version", assignment.version())
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (saved == 0) {
            throw new ConcurrentAssignmentChangeException(assignment.section());
        }
    }

    @Override
    public void delete(SectionRef section) {
        jdbc.sql("DELETE FROM assignment WHERE book_id = :bookId AND item = :item")
                .param("bookId", section.bookId())
                .param("item", section.item())
                .update();
    }

    private Assignment assignment(ResultSet rs, int rowNum) throws SQLException {
        return Assignment.restore(
                new SectionRef(rs.getObject("book_id", UUID.class), rs.getString("item")),
                rs.getObject("assignee", UUID.class),
                AssignmentStatus.valueOf(rs.getString("status")),
                rs.getLong("version"));
    }
}
