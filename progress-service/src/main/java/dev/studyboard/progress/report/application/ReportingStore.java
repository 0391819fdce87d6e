package dev.studyboard.progress.report.application;

import dev.studyboard.progress.report.domain.ReportedMember;
import dev.studyboard.progress.report.domain.SectionCounter;
import dev.studyboard.progress.report.domain.Week;
import java.util.List;
import java.util.UUID;

/** Port to the reporting store: written by the pump alone, read by the weekly report. */
public interface ReportingStore {

    /**
     * Records the event as pumped, in the caller's transaction.
     *
     * @return {@code false} if it was pumped before: a redelivery, which changes nothing
     */
    boolean markPumped(UUID eventId);

    /** Adds one to {@code counter} in the member's week, starting the week at zero if it has no row yet. */
    void count(UUID memberId, Week week, SectionCounter counter);

    /** Keeps the member as {@code member} says, unless the store has a later version already. */
    void keep(ReportedMember member);

    /** Every member's counters in each week from {@code first} to {@code last}, ordered by week, then by name. */
    List<WeeklyReport.MemberWeek> weeks(Week first, Week last);
}
