package dev.studyboard.progress.report.adapter.in.web;

import dev.studyboard.progress.report.application.WeeklyReport;
import dev.studyboard.progress.report.application.WeeklyReports;
import dev.studyboard.progress.report.domain.InvalidPeriodException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The weekly report, read from the reporting store: who took, started, completed, reopened and dropped how many
 * sections in which week, and how many each has done. The organizer's (ProgressWebSecurity).
 */
@RestController
@RequestMapping("/api/progress/reports")
@Tag(name = "Reports", description = "Study progress per member and per week, from the reporting store")
class WeeklyReportController {

    record Row(
            UUID memberId,
            String displayName,
            LocalDate weekStart,
            int taken,
            int started,
            int completed,
            int reopened,
            int dropped) {}

    /** @param done completed − reopened in the period: may be negative ({@code SectionCounts#done} says why) */
    record Total(
            UUID memberId,
            String displayName,
            int taken,
            int started,
            int completed,
            int reopened,
            int dropped,
            int done) {}

    /**
     * @param from the first week's Monday
     * @param to   the last week's Sunday
     */
    record WeeklyReportResponse(String zone, LocalDate from, LocalDate to, List<Row> rows, List<Total> totals) {

        static WeeklyReportResponse of(WeeklyReport report) {
            return new WeeklyReportResponse(
                    report.zone().getId(),
                    report.period().first().start(),
                    report.period().last().end(),
                    report.rows().stream()
                            .map(r -> new Row(
                                    r.memberId(),
                                    r.displayName(),
                                    r.weekStart(),
                                    r.counts().taken(),
                                    r.counts().started(),
                                    r.counts().completed(),
                                    r.counts().reopened(),
                                    r.counts().dropped()))
                            .toList(),
                    report.totals().stream()
                            .map(t -> new Total(
                                    t.memberId(),
                                    t.displayName(),
                                    t.counts().taken(),
                                    t.counts().started(),
                                    t.counts().completed(),
                                    t.counts().reopened(),
                                    t.counts().dropped(),
                                    t.counts().done()))
                            .toList());
        }
    }

    private final WeeklyReports reports;

    WeeklyReportController(WeeklyReports reports) {
        this.reports = reports;
    }

    @GetMapping("/weekly")
    @Operation(
            summary = "Progress per member and per week (organizer)",
            description = "The whole weeks (Monday to Sunday, in the study group's zone) from the one `from` falls in"
                    + " to the one `to` falls in: the last 8 up to today by default, at most 106. A row per member"
                    + " and week with something counted, ordered by week, then name; `totals` per member, with"
                    + " `done` = completed − reopened. Events reach the store a moment after they happen.")
    @ApiResponse(responseCode = "200", description = "The report")
    @ApiResponse(
            responseCode = "400",
            description = "`from` or `to` is no date (YYYY-MM-DD, years 1 to 9999), `from` is after `to`, or they span"
                    + " over 106 weeks: `errors` names the parameter and the reason",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "401",
            description = "No valid bearer token",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "Only the organizer reads the report",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                            schema = @Schema(implementation = ProblemDetail.class)))
    WeeklyReportResponse weekly(
            @Parameter(description = "The first day, YYYY-MM-DD; its whole week is in", example = "2026-11-02")
                    @RequestParam(required = false)
                    String from,
            @Parameter(description = "The last day, YYYY-MM-DD; its whole week is in (default: today)")
                    @RequestParam(required = false)
                    String to) {
        return WeeklyReportResponse.of(reports.between(date("from", from), date("to", to)));
    }

    /**
     * A query parameter read as a date; left out (or empty), none. Said in the client's terms, not Java's: Java also
     * reads years like -999999999 or +9999999, which neither a week nor PostgreSQL can hold (a 500), so only the
     * years 1 to 9999 that YYYY writes are dates here.
     */
    private static Optional<LocalDate> date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            var date = LocalDate.parse(value);
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return Optional.of(date);
            }
        } catch (DateTimeParseException e) {
            // no date at all: refused below, as a year out of range is
        }
        throw new InvalidPeriodException(parameter, "must be a date as YYYY-MM-DD, e.g. 2026-11-02");
    }
}
