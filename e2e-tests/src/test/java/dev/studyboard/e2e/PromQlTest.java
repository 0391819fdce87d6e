package dev.studyboard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The names {@link UserJourneyIT} asks Prometheus for: every series an alert rule reads, and nothing else. */
@DisplayName("The series a PromQL expression reads")
class PromQlTest {

    @Nested
    @DisplayName("are its metric names")
    class MetricNames {

        @Test
        @DisplayName("alone, with label matchers, or with a range")
        void selectors() {
            assertThat(PromQl.metricNames("synthetic_journey_up == 0")).containsExactly("synthetic_journey_up");
            assertThat(PromQl.metricNames("resilience4j_circuitbreaker_state{state=\"open\"} == 1"))
                    .containsExactly("resilience4j_circuitbreaker_state");
            assertThat(PromQl.metricNames("increase(progress_events_dead_lettered_total[10m]) > 0"))
                    .containsExactly("progress_events_dead_lettered_total");
        }

        @Test
        @DisplayName("as Prometheus stores them: with _bucket, _count, _sum, _total")
        void recordedSuffixes() {
            assertThat(PromQl.metricNames(
                            "histogram_quantile(0.99, sum by (le) (rate(http_server_requests_seconds_bucket[5m])))"))
                    .containsExactly("http_server_requests_seconds_bucket");
            assertThat(PromQl.metricNames("rate(journey_seconds_sum[1m]) / rate(journey_seconds_count[1m])"))
                    .containsExactly("journey_seconds_count", "journey_seconds_sum");
        }

        @Test
        @DisplayName("on both sides of 'or', the one inside absent() too")
        void insideAbsent() {
            assertThat(PromQl.metricNames("max(synthetic_journey_up) == 0 or absent(synthetic_journey_up)"))
                    .containsExactly("synthetic_journey_up");
            assertThat(PromQl.metricNames("absent(outbox_backlog) or max(synthetic_journey_up) == 0"))
                    .containsExactly("outbox_backlog", "synthetic_journey_up");
        }
    }

    @Nested
    @DisplayName("are not")
    class NotMetricNames {

        @Test
        @DisplayName("functions and aggregations: absent, rate, sum, histogram_quantile")
        void functions() {
            assertThat(PromQl.metricNames("histogram_quantile(0.5, sum (rate(a_seconds_bucket[5m])))"))
                    .containsExactly("a_seconds_bucket");
            assertThat(PromQl.metricNames("absent (up_total)")).containsExactly("up_total");
        }

        @Test
        @DisplayName("the labels of by, without, on, ignoring and group_left")
        void labelLists() {
            assertThat(PromQl.metricNames("max by (messaging_source_name) (lag_max)"))
                    .containsExactly("lag_max");
            assertThat(PromQl.metricNames("sum without (instance_id) (a_total)"))
                    .containsExactly("a_total");
            assertThat(PromQl.metricNames("a_total / on (service_name) group_left (team_name) b_info"))
                    .containsExactly("a_total", "b_info");
            assertThat(PromQl.metricNames("a_total / ignoring(status_code) b_total"))
                    .containsExactly("a_total", "b_total");
        }

        @Test
        @DisplayName("label values, numbers, durations, keywords and comments")
        void restOfTheExpression() {
            var expression = "rate(a_total{job=~\"study_board|other_job\", x='y_z'}[5m] offset 1h) > bool 1e3"
                    + " unless b_total # not_a_series";

            assertThat(PromQl.metricNames(expression)).containsExactly("a_total", "b_total");
        }
    }

    @Nested
    @DisplayName("in a rule file")
    class InARuleFile {

        @Test
        @DisplayName("are read from the alert rules' expr, a multi-line one too, not from recording rules")
        void alertRulesOnly() {
            var rules = """
                    groups:
                      - name: one
                        rules:
                          - record: job:a_total:rate5m
                            expr: sum by (job) (rate(recorded_only_total[5m]))
                          - alert: Down
                            expr: max(journey_up) == 0 or absent(journey_up)
                      - name: two
                        rules:
                          - alert: Slow
                            expr: |
                              histogram_quantile(0.99,
                                sum by (le) (rate(journey_seconds_bucket[5m]))) > 2
                    """;

            assertThat(PromQl.alertExpressions(rules)).hasSize(2);
            assertThat(PromQl.alertMetricNames(rules)).containsExactly("journey_seconds_bucket", "journey_up");
        }

        @Test
        @DisplayName("each alert rule in monitoring/prometheus/alerts.yml reads a series the end-to-end test looks up")
        void theRealAlertRules() throws IOException {
            var alerts = Files.readString(Path.of("../monitoring/prometheus/alerts.yml"));

            assertThat(PromQl.alertExpressions(alerts))
                    .isNotEmpty()
                    .allSatisfy(expression -> assertThat(PromQl.metricNames(expression))
                            .as(expression)
                            .isNotEmpty());
        }
    }
}
