package dev.studyboard.progress.report.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * An ISO week, named by its Monday. Which week a moment falls in depends on where it is seen: Sunday 23:30 in
 * London is already Monday morning in Seoul, so the report counts in the study group's zone.
 */
public record Week(LocalDate start) {

    public Week {
        Objects.requireNonNull(start, "start");
        if (start.getDayOfWeek() != DayOfWeek.MONDAY) {
            throw new IllegalArgumentException("A week starts on a Monday, not on " + start);
        }
    }

    /** The week {@code time} falls in, seen in {@code zone}. */
    public static Week of(Instant time, ZoneId zone) {
        return containing(time.atZone(zone).toLocalDate());
    }

    public static Week containing(LocalDate day) {
        return new Week(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    public Week minusWeeks(long weeks) {
        return new Week(start.minusWeeks(weeks));
    }

    /** The week's Sunday. */
    public LocalDate end() {
        return start.plusDays(6);
    }

    /** How many weeks from this one to {@code later}, both counted: 1 for the same week. */
    public long weeksThrough(Week later) {
        return ChronoUnit.WEEKS.between(start, later.start) + 1;
    }
}
