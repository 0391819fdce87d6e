package dev.studyboard.progress.report.application;

import dev.studyboard.progress.report.domain.ReportPeriod;
import dev.studyboard.progress.report.domain.SectionCounts;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/**
 * The study group's progress in the weeks of {@code period}, seen in {@code zone}: a row for each member and week
 * with something counted, and each member's totals over the period.
 */
public record WeeklyReport(ZoneId zone, ReportPeriod period, List<MemberWeek> rows, List<MemberTotal> totals) {

    /** @param displayName {@code null} while the member's joining has not been pumped */
    public record MemberWeek(UUID memberId, String displayName, LocalDate weekStart, SectionCounts counts) {}

    public record MemberTotal(UUID memberId, String displayName, SectionCounts counts) {}

    /** The report of these rows: the totals add up each member's weeks, and are ordered by name. */
    public static WeeklyReport of(ZoneId zone, ReportPeriod period, List<MemberWeek> rows) {
        var totals = new LinkedHashMap<UUID, MemberTotal>();
        for (var row : rows) {
            totals.merge(
                    row.memberId(),
                    new MemberTotal(row.memberId(), row.displayName(), row.counts()),
                    (sum, week) -> new MemberTotal(
                            sum.memberId(), sum.displayName(), sum.counts().plus(week.counts())));
        }
        var byName = Comparator.comparing(MemberTotal::displayName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(MemberTotal::memberId);
        return new WeeklyReport(
                zone, period, rows, totals.values().stream().sorted(byName).toList());
    }
}
