package dev.studyboard.progress.report.adapter.out.persistence;

import dev.studyboard.progress.report.application.ReportingStore;
import dev.studyboard.progress.report.application.WeeklyReport.MemberWeek;
import dev.studyboard.progress.report.domain.ReportedMember;
import dev.studyboard.progress.report.domain.SectionCounter;
import dev.studyboard.progress.report.domain.SectionCounts;
import dev.studyboard.progress.report.domain.Week;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reporting database (seed 002, 5.14): the {@code reporting} schema (db/migration V4), one row per member and week
 * with counters added to in place, so a report is a plain range scan. It touches no table outside that schema.
 */
@Repository
class JdbcReportingStore implements ReportingStore {

    private static final String WEEKS = """
            SELECT w.member_id, m.display_name, w.week_start,
                   w.sections_taken, w.sections_started, w.sections_completed, w.sections_reopened, w.sections_dropped
              FROM reporting.member_week w
              LEFT JOIN reporting.member m ON m.member_id = w.member_id
             WHERE w.week_start BETWEEN :first AND :last
             ORDER BY w.week_start, m.display_name NULLS LAST, w.member_id
            """;

    private final JdbcClient jdbc;

    JdbcReportingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markPumped(UUID eventId) {
        return jdbc.sql("INSERT INTO reporting.pumped_event (event_id) VALUES (:id) ON CONFLICT (event_id) DO NOTHING")
                        .param("id", eventId)
                        .update()
                == 1;
    }

    @Override
    public void count(UUID memberId, Week week, SectionCounter counter) {
        var column = column(counter);
        // One statement: the first event of a week inserts its row, every later one adds to it, also when two
        // instances of the pump count for the same member at once.
        jdbc.sql("INSERT INTO reporting.member_week (member_id, week_start, " + column + ") VALUES (:member, :week, 1)"
                        + " ON CONFLICT (member_id, week_start) DO UPDATE SET " + column + " = reporting.member_week."
                        + column + " + 1")
                .param("member", memberId)
                .param("week", week.start())
                .update();
    }

    @Override
    public void keep(ReportedMember member) {
        jdbc.sql("""
                        INSERT INTO reporting.member (member_id, display_name, active, version)
                        VALUES (:id, :name, :active, :version)
                        ON CONFLICT (member_id) DO UPDATE
                           SET display_name = COALESCE(EXCLUDED.display_name, reporting.member.display_name),
                               active = EXCLUDED.active,
                               version = EXCLUDED.version
                         WHERE reporting.member.version < EXCLUDED.version
                        """)
                .param("id", member.memberId())
                .param("name", member.displayName())
                .param("active", member.active())
                .param("version", member.version())
                .update();
    }

    @Override
    public List<MemberWeek> weeks(Week first, Week last) {
        return jdbc.sql(WEEKS)
                .param("first", first.start())
                .param("last", last.start())
                .query((rs, row) -> new MemberWeek(
                        rs.getObject("member_id", UUID.class),
                        rs.getString("display_name"),
                        rs.getObject("week_start", LocalDate.class),
                        new SectionCounts(
                                rs.getInt("sections_taken"),
                                rs.getInt("sections_started"),
                                rs.getInt("sections_completed"),
                                rs.getInt("sections_reopened"),
                                rs.getInt("sections_dropped"))))
                .list();
    }

    /** The column a counter is kept in: from this fixed list only, never from input. */
    private static String column(SectionCounter counter) {
        return switch (counter) {
            case TAKEN -> "sections_taken";
            case STARTED -> "sections_started";
            case COMPLETED -> "sections_completed";
            case REOPENED -> "sections_reopened";
            case DROPPED -> "sections_dropped";
        };
    }
}
