package dev.studyboard.progress.report.application;

import dev.studyboard.progress.report.domain.ReportPeriod;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The weekly report, read from the reporting store alone (never from the service's own tables). */
@Service
@Transactional(readOnly = true)
public class WeeklyReports {

    private final ReportingStore store;
    private final ReportingSettings settings;
    private final Clock clock;

    WeeklyReports(ReportingStore store, ReportingSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * @param from the first day asked for, if any ({@link ReportPeriod#of} says what leaving it out means)
     * @param to   the last day asked for, if any
     */
    public WeeklyReport between(Optional<LocalDate> from, Optional<LocalDate> to) {
        var period = ReportPeriod.of(from, to, LocalDate.now(clock.withZone(settings.zone())));
        return WeeklyReport.of(settings.zone(), period, store.weeks(period.first(), period.last()));
    }
}
