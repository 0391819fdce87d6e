package dev.studyboard.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.SharedContainers;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * A steady stream of members joining through member-service's API, as the demo loader adds them (one join every
 * 40 ms, up to four in flight), and what became of each join: committed (member-service answered 201), arrived (its
 * event on {@code member.events}) and applied (progress-service's member replica holds it), once each.
 *
 * <p>A join is not idempotent (no key makes a second one the same), so a join that got no 201 is not sent again: it
 * counts as not committed. Refused (an error status), it must not be in member-service; unanswered (reset, timed
 * out), it may be, once. One that is there all the same must arrive and be applied like a committed one.
 *
 * <p>The counts are taken where each fact lives: the API's answers, the topic (read by an independent consumer from
 * before the first join) and the two services' own tables, read-only, since no API says "how many times".
 */
final class JoinStream implements AutoCloseable {

    private static final String JOINED = "studyboard.member.joined";
    private static final Duration PACE = Duration.ofMillis(40);

    private final String fault;
    private final String prefix; // every display name of this run starts with it, and no other does
    private final int size;
    private final String memberDatabase;
    private final RestClient members;
    private final CloudEventRecorder events;
    private final ScheduledExecutorService writers = Executors.newScheduledThreadPool(4);
    private final Map<String, UUID> acknowledged = new ConcurrentHashMap<>(); // display name → member id
    private final Map<String, Integer> refused = new ConcurrentHashMap<>(); // display name → error status
    private final Set<String> unanswered = ConcurrentHashMap.newKeySet(); // display names

    private JoinStream(String fault, int size, RunningService memberService, String memberDatabase) {
        this.fault = fault;
        // 장애 ("fault"): sorts after the names other tests list, so their first page stays theirs
        this.prefix = "장애-" + fault + "-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        this.size = size;
        this.memberDatabase = memberDatabase;
        var timeouts = new SimpleClientHttpRequestFactory();
        timeouts.setConnectTimeout(Duration.ofSeconds(2));
        timeouts.setReadTimeout(Duration.ofSeconds(10)); // a join stuck in an outage is unanswered, not waited for
        this.members = RestClient.builder()
                .baseUrl(memberService.url().toString())
                .requestFactory(timeouts)
                .requestInterceptor(StudyBoardSystem.demoLoaderToken())
                .build();
        this.events = CloudEventRecorder.from("member.events");
        for (int i = 0; i < size; i++) {
            var displayName = displayName(i);
            writers.schedule(() -> join(displayName), i * PACE.toMillis(), TimeUnit.MILLISECONDS);
        }
        writers.shutdown(); // runs what is scheduled, then ends
    }

    /** Starts {@code size} joins through {@code memberService}, whose own database is {@code memberDatabase}. */
    static JoinStream start(String fault, int size, RunningService memberService, String memberDatabase) {
        return new JoinStream(fault, size, memberService, memberDatabase);
    }

    /** The same through the shared member-service. */
    static JoinStream start(String fault, int size) {
        return start(fault, size, StudyBoardSystem.MEMBERS, "member");
    }

    private String displayName(int i) {
        return prefix + "%03d".formatted(i);
    }

    private record Answer(int status, JsonNode body) {}

    private void join(String displayName) {
        try {
            var answer = members.post()
                    .uri("/api/members")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("displayName", displayName))
                    .exchange((request, response) -> new Answer(
                            response.getStatusCode().value(),
                            response.getStatusCode().value() == 201 ? response.bodyTo(JsonNode.class) : null));
            if (answer.status() == 201) {
                acknowledged.put(
                        displayName, UUID.fromString(answer.body().get("id").asString()));
            } else {
                refused.put(displayName, answer.status());
            }
        } catch (RuntimeException e) { // not connected, reset, timed out, or no token to send: no answer at all
            unanswered.add(displayName);
        }
    }

    /** Waits until {@code count} joins were answered, one way or the other: the stream is that far. */
    void awaitAnswers(int count) {
        await(count + " joins answered")
                .atMost(Duration.ofMinutes(1))
                .until(() -> acknowledged.size() + refused.size() + unanswered.size() >= count);
    }

    /** Waits until every join was answered. */
    void awaitEnd() {
        awaitAnswers(size);
    }

    /** Waits until every join that is in member-service has arrived and been applied (lost 0), and counts. */
    Tally awaitConverged() {
        awaitEnd();
        var last = new AtomicReference<Tally>();
        await(fault + ": every join in member-service arrived and applied")
                .atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    last.set(tally());
                    assertThat(last.get().lost()).as(last.get().line()).isZero();
                });
        return last.get();
    }

    /**
     * What a fault run ends with. {@code lost}: joins committed (or done all the same) whose member is not in
     * member-service, or whose event did not arrive, or that the replica does not hold; {@code doubled}: joins that
     * made two members, or two replica rows, or a replica row ahead of its member's version. {@code refused} (an
     * error status; by status) and {@code unanswered} joins are not committed; {@code ...Done} counts those
     * that are in member-service all the same.
     */
    record Tally(
            String fault,
            int committed,
            int arrived,
            int records,
            int applied,
            int lost,
            int doubled,
            Map<Integer, Long> refused,
            int refusedButDone,
            int unanswered,
            int unansweredButDone) {

        /** The line the suite prints. */
        String line() {
            return ("fault=%s committed=%d arrived=%d (records=%d) applied=%d lost=%d doubled=%d"
                            + " refused=%d %s (done all the same: %d) unanswered=%d (done all the same: %d)")
                    .formatted(
                            fault,
                            committed,
                            arrived,
                            records,
                            applied,
                            lost,
                            doubled,
                            refused.values().stream().mapToLong(Long::longValue).sum(),
                            refused,
                            refusedButDone,
                            unanswered,
                            unansweredButDone);
        }
    }

    private record Row(UUID memberId, String displayName, long version) {}

    /** The count as of now. */
    Tally tally() {
        var source = rows(memberDatabase, "SELECT id, display_name, version FROM member WHERE display_name LIKE ?");
        var replica = rows(
                "progress", "SELECT member_id, display_name, version FROM member_replica WHERE display_name LIKE ?");
        var sourceByName = source.stream().collect(Collectors.groupingBy(Row::displayName));
        var replicaByName = replica.stream().collect(Collectors.groupingBy(Row::displayName));
        var sourceVersions =
                source.stream().collect(Collectors.toMap(row -> row.memberId().toString(), Row::version));
        var onTheWire = events.drainFor(Duration.ofMillis(200)).stream()
                .filter(r -> sourceVersions.containsKey(r.key())
                        && JOINED.equals(r.value().getType()))
                .toList();
        var arrivedFor = onTheWire.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
        var appliedFor = replica.stream()
                .map(row -> row.memberId().toString())
                .filter(sourceVersions::containsKey)
                .collect(Collectors.toSet());

        int lost = 0;
        int doubled = 0;
        for (int i = 0; i < size; i++) {
            var name = displayName(i);
            var copies = sourceByName.getOrDefault(name, List.of());
            var replicaRows = replicaByName.getOrDefault(name, List.of());
            var committedId = acknowledged.get(name);
            boolean committedButGone = committedId != null && !sourceVersions.containsKey(committedId.toString());
            boolean notThrough = copies.stream()
                    .map(row -> row.memberId().toString())
                    .anyMatch(id -> !arrivedFor.contains(id) || !appliedFor.contains(id));
            if (committedButGone || notThrough) {
                lost++;
            }
            boolean aheadOfSource = replicaRows.stream()
                    .anyMatch(row -> row.version()
                            > sourceVersions.getOrDefault(row.memberId().toString(), Long.MAX_VALUE));
            if (copies.size() > 1 || replicaRows.size() > 1 || aheadOfSource) {
                doubled++;
            }
        }
        return new Tally(
                fault,
                acknowledged.size(),
                (int) onTheWire.stream().map(r -> r.value().getId()).distinct().count(),
                onTheWire.size(),
                appliedFor.size(),
                lost,
                doubled,
                refused.values().stream().collect(Collectors.groupingBy(status -> status, Collectors.counting())),
                (int) refused.keySet().stream()
                        .filter(sourceByName::containsKey)
                        .count(),
                unanswered.size(),
                (int) unanswered.stream().filter(sourceByName::containsKey).count());
    }

    private List<Row> rows(String database, String query) {
        var postgres = SharedContainers.POSTGRES;
        try (var connection =
                        DriverManager.getConnection(jdbcUrl(database), postgres.getUsername(), postgres.getPassword());
                var statement = connection.prepareStatement(query)) {
            statement.setString(1, prefix + "%");
            try (var result = statement.executeQuery()) {
                var rows = new ArrayList<Row>();
                while (result.next()) {
                    rows.add(new Row(result.getObject(1, UUID.class), result.getString(2), result.getLong(3)));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count in " + database, e);
        }
    }

    /** A database of the shared PostgreSQL server (each service has its own there). */
    static String jdbcUrl(String database) {
        var url = SharedContainers.POSTGRES.getJdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    @Override
    public void close() {
        writers.shutdownNow();
        events.close();
    }
}
