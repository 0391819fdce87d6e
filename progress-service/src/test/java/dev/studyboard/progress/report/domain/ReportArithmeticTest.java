package dev.studyboard.progress.report.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reporting store's arithmetic, in plain Java: which week, which counter, what is done, which weeks. */
@DisplayName("The report's arithmetic")
class ReportArithmeticTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    @Nested
    @DisplayName("the week of a moment (ISO: Monday to Sunday)")
    class Weeks {

        @Test
        @DisplayName("Sunday 23:30 UTC is Monday 08:30 in Seoul: next week there, this week in UTC")
        void zoneDecides() {
            var sundayNightUtc = Instant.parse("2026-12-06T23:30:00Z");

            assertThat(Week.of(sundayNightUtc, SEOUL).start()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(Week.of(sundayNightUtc, ZoneOffset.UTC).start()).isEqualTo(LocalDate.of(2026, 11, 30));
        }

        @ParameterizedTest(name = "{0} → the week of {1}")
        @CsvSource({
            "2026-12-06T14:59:59Z, 2026-11-30", // Sunday 23:59:59 in Seoul: still the old week
            "2026-12-06T15:00:00Z, 2026-12-07", // Monday 00:00 in Seoul: the new one
            "2026-12-13T14:59:59Z, 2026-12-07", // its last moment, a week later
            "2026-12-31T20:00:00Z, 2026-12-28", // 1 January in Seoul, in the week that began in December
        })
        @DisplayName("in Seoul, a week starts at Monday 00:00 there, which is Sunday 15:00 UTC")
        void boundariesInSeoul(Instant time, LocalDate monday) {
            assertThat(Week.of(time, SEOUL)).isEqualTo(new Week(monday));
        }

        @Test
        @DisplayName("is named by its Monday: any other day is refused")
        void startsOnMonday() {
            assertThat(Week.containing(LocalDate.of(2026, 12, 13)).start()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(new Week(LocalDate.of(2026, 12, 7)).end()).isEqualTo(LocalDate.of(2026, 12, 13));
            assertThatThrownBy(() -> new Week(LocalDate.of(2026, 12, 8)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Monday");
        }
    }

    @Nested
    @DisplayName("which counter a section event moves")
    class Counters {

        @ParameterizedTest(name = "{0} → {1}")
        @CsvSource({
            "section.assigned, TAKEN",
            "section.started, STARTED",
            "section.completed, COMPLETED",
            "section.reopened, REOPENED",
            "section.unassigned, DROPPED"
        })
        @DisplayName("each of progress.events' section events moves one")
        void eachEventOne(String event, SectionCounter counter) {
            assertThat(SectionCounter.movedBy(event)).contains(counter);
        }

        @Test
        @DisplayName("an event it does not count moves none (the service may add new ones)")
        void unknownEvent() {
            assertThat(SectionCounter.movedBy("section.archived")).isEmpty();
            assertThat(SectionCounter.movedBy("import.register-book")).isEmpty();
        }
    }

    @Nested
    @DisplayName("a member's totals")
    class Totals {

        @Test
        @DisplayName("add the weeks up; done is completed − reopened: a reopened completion is not done")
        void done() {
            var lastWeek = new SectionCounts(2, 2, 2, 0, 1);
            var thisWeek = new SectionCounts(1, 1, 1, 1, 0);

            var total = lastWeek.plus(thisWeek);

            assertThat(total).isEqualTo(new SectionCounts(3, 3, 3, 1, 1));
            assertThat(total.done()).isEqualTo(2);
        }
    }

    @Nested
    @DisplayName("the weeks a report covers")
    class Periods {

        final LocalDate today = LocalDate.of(2026, 12, 9); // a Wednesday

        @Test
        @DisplayName("by default: the last 8, this one included")
        void lastEightWeeks() {
            var period = ReportPeriod.of(Optional.empty(), Optional.empty(), today);

            assertThat(period.first().start()).isEqualTo(LocalDate.of(2026, 10, 19));
            assertThat(period.last().start()).isEqualTo(LocalDate.of(2026, 12, 7));
            assertThat(period.first().weeksThrough(period.last())).isEqualTo(8);
        }

        @Test
        @DisplayName("from and to: the whole weeks they fall in")
        void wholeWeeks() {
            var period = ReportPeriod.of(
                    Optional.of(LocalDate.of(2026, 11, 5)), Optional.of(LocalDate.of(2026, 11, 16)), today);

            assertThat(period)
                    .isEqualTo(new ReportPeriod(
                            Week.containing(LocalDate.of(2026, 11, 2)), Week.containing(LocalDate.of(2026, 11, 16))));
        }

        @Test
        @DisplayName("only to: the 8 weeks up to it; only from: up to today")
        void oneGiven() {
            assertThat(ReportPeriod.of(Optional.empty(), Optional.of(LocalDate.of(2026, 6, 30)), today))
                    .isEqualTo(
                            new ReportPeriod(new Week(LocalDate.of(2026, 5, 11)), new Week(LocalDate.of(2026, 6, 29))));
            assertThat(ReportPeriod.of(Optional.of(LocalDate.of(2026, 12, 1)), Optional.empty(), today))
                    .isEqualTo(new ReportPeriod(
                            new Week(LocalDate.of(2026, 11, 30)), new Week(LocalDate.of(2026, 12, 7))));
        }

        @Test
        @DisplayName("from after to, even in the same week: refused, naming from")
        void fromAfterTo() {
            assertThatThrownBy(() -> ReportPeriod.of(
                            Optional.of(LocalDate.of(2026, 12, 9)), Optional.of(LocalDate.of(2026, 12, 8)), today))
                    .isInstanceOfSatisfying(InvalidPeriodException.class, e -> {
                        assertThat(e.field()).isEqualTo("from");
                        assertThat(e.reason()).contains("after to");
                    });
        }

        @Test
        @DisplayName("106 weeks at most: 106 pass, 107 are refused")
        void atMost106Weeks() {
            var lastMonday = LocalDate.of(2026, 12, 7);

            var longest = ReportPeriod.of(Optional.of(lastMonday.minusWeeks(105)), Optional.of(lastMonday), today);

            assertThat(longest.first().weeksThrough(longest.last())).isEqualTo(106);
            assertThatThrownBy(() -> ReportPeriod.of(
                            Optional.of(lastMonday.minusWeeks(106).plusDays(6)), Optional.of(lastMonday), today))
                    .isInstanceOfSatisfying(InvalidPeriodException.class, e -> {
                        assertThat(e.field()).isEqualTo("from");
                        assertThat(e.reason()).contains("106 weeks");
                    });
        }
    }
}
