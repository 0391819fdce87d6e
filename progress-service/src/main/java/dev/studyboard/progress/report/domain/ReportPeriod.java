package dev.studyboard.progress.report.domain;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The whole weeks a report covers: from the week {@code from} falls in to the week {@code to} falls in. Without
 * them, the last {@value #DEFAULT_WEEKS} weeks up to today; at most {@value #MAX_WEEKS} (two years and a little),
 * so one request never reads the whole store.
 */
public record ReportPeriod(Week first, Week last) {

    public static final int DEFAULT_WEEKS = 8;
    public static final int MAX_WEEKS = 106;

    /**
     * @param from  the first day asked for; empty: {@value #DEFAULT_WEEKS} weeks up to {@code to}
     * @param to    the last day asked for; empty: today
     * @param today today in the study group's zone
     * @throws InvalidPeriodException if {@code from} is after {@code to}, or they are more than {@value #MAX_WEEKS}
     *     weeks apart
     */
    public static ReportPeriod of(Optional<LocalDate> from, Optional<LocalDate> to, LocalDate today) {
        var lastDay = to.orElse(today);
        var last = Week.containing(lastDay);
        var first = from.map(Week::containing).orElse(last.minusWeeks(DEFAULT_WEEKS - 1));
        if (from.isPresent() && from.get().isAfter(lastDay)) {
            throw new InvalidPeriodException("from", "must not be after to (" + lastDay + ")");
        }
        if (first.weeksThrough(last) > MAX_WEEKS) {
            throw new InvalidPeriodException(
                    "from",
                    "must be at most " + MAX_WEEKS + " weeks before to (on or after "
                            + last.minusWeeks(MAX_WEEKS - 1).start() + ")");
        }
        return new ReportPeriod(first, last);
    }
}
