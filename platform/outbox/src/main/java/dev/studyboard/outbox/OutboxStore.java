package dev.studyboard.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The relay's SQL on the outbox table. Every method runs in the caller's transaction. */
class OutboxStore {

    /**
     * A row the relay may send: not yet published, not parked, and not behind a parked row of its aggregate, so
     * a parked event holds its aggregate's later events back and their order stays intact.
     */
    private static final String SENDABLE = """
            e.published_at IS NULL
               AND e.parked_at IS NULL
               AND NOT EXISTS (SELECT 1 FROM outbox_event parked
                                WHERE parked.aggregate_type = e.aggregate_type
                                  AND parked.aggregate_id = e.aggregate_id
                                  AND parked.position < e.position
                                  AND parked.parked_at IS NOT NULL
                                  AND parked.discarded_at IS NULL)
            """;

    /**
     * The claim's first step: the oldest sendable rows, {@code :limit} of them, chosen in a CTE; only then the
     * per-aggregate advisory lock, on those rows alone, so the relay locks no aggregate beyond what it will send
     * (a lock in the scan's WHERE would be taken on every row the plan reads before it sorts and limits).
     */
    private static final String LOCK_CANDIDATES = """
            WITH candidates AS MATERIALIZED (
                SELECT e.position, e.aggregate_type, e.aggregate_id
                  FROM outbox_event e
                 WHERE %s
                 ORDER BY e.position
                 LIMIT :limit)
            SELECT position
              FROM candidates
             WHERE pg_try_advisory_xact_lock(hashtextextended(aggregate_type || '/' || aggregate_id, 0))
            """.formatted(SENDABLE);

    /**
     * The claim's second step, a new statement and so a fresh view of the table: the candidates whose aggregates
     * this relay now holds, read and locked. Checking them again sees whatever the previous holder of an
     * aggregate committed before it let go, e.g. a row it parked, behind which the later rows must now wait.
     */
    private static final String CLAIM = """
            SELECT e.position, e.event_id, e.topic, e.aggregate_type, e.aggregate_id, e.event_type, e.data_schema,
                   e.payload, e.trace_context, e.occurred_at, e.attempts
              FROM outbox_event e
             WHERE e.position = ANY(:positions)
               AND %s
             ORDER BY e.position
               FOR UPDATE SKIP LOCKED
            """.formatted(SENDABLE);

    private static final String PARKED = """
            SELECT p.event_id, p.topic, p.aggregate_type, p.aggregate_id, p.event_type, p.attempts, p.park_reason,
                   p.parked_at,
                   (SELECT count(*) FROM outbox_event later
                     WHERE later.aggregate_type = p.aggregate_type
                       AND later.aggregate_id = p.aggregate_id
                       AND later.position > p.position
                       AND later.published_at IS NULL
                       AND later.parked_at IS NULL) AS held_back
              FROM outbox_event p
             WHERE p.parked_at IS NOT NULL AND p.discarded_at IS NULL
             ORDER BY p.position
            """;

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutboxStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Claims the oldest sendable events, in order, for this relay's transaction.
     *
     * <p>{@code FOR UPDATE SKIP LOCKED} lets several replicas relay at once without publishing the same row.
     * Skipping rows alone could let replica B publish a book's second event while replica A still holds
     * its first, so each replica also takes a transaction-scoped advisory lock per aggregate and passes
     * over every aggregate another replica holds: one aggregate's events go out one relay at a time, in order.
     * Replicas that meet on the same candidates share them out; one that gets none comes back at its next wake-up.
     */
    List<PendingEvent> claim(int limit) {
        Long[] positions = jdbc.sql(LOCK_CANDIDATES)
                .param("limit", limit)
                .query(Long.class)
                .list()
                .toArray(Long[]::new);
        if (positions.length == 0) {
            return List.of();
        }
        return jdbc.sql(CLAIM)
                .param("positions", positions)
                .query(this::pendingEvent)
                .list();
    }

    void markPublished(List<PendingEvent> events) {
        Long[] positions = events.stream().map(PendingEvent::position).toArray(Long[]::new);
        jdbc.sql("UPDATE outbox_event SET published_at = now() WHERE position = ANY(:positions)")
                .param("positions", positions)
                .update();
    }

    /** Keeps why the last send of {@code event} failed, and counts it as an attempt if {@code counted}. */
    void recordFailure(PendingEvent event, String error, boolean counted) {
        jdbc.sql("""
                        UPDATE outbox_event SET attempts = attempts + :increment, last_error = :error
                         WHERE position = :position
                        """)
                .param("increment", counted ? 1 : 0)
                .param("error", error)
                .param("position", event.position())
                .update();
    }

    /** Parks {@code event}: the relay no longer sends it, nor the later events of its aggregate. */
    void park(PendingEvent event, String reason) {
        jdbc.sql("UPDATE outbox_event SET parked_at = now(), park_reason = :reason WHERE position = :position")
                .param("reason", reason)
                .param("position", event.position())
                .update();
    }

    /** The parked events an operator has not discarded, oldest first. */
    List<ParkedEvent> parked() {
        return jdbc.sql(PARKED)
                .query((rs, n) -> new ParkedEvent(
                        rs.getObject("event_id", UUID.class),
                        rs.getString("topic"),
                        rs.getString("aggregate_type"),
                        rs.getString("aggregate_id"),
                        rs.getString("event_type"),
                        rs.getInt("attempts"),
                        rs.getString("park_reason"),
                        rs.getTimestamp("parked_at").toInstant(),
                        rs.getLong("held_back")))
                .list();
    }

    /**
     * Sends a parked event again, from a fresh count of attempts.
     *
     * @return false if no event with this id is parked
     */
    boolean unpark(UUID eventId) {
        return jdbc.sql("""
                        UPDATE outbox_event SET parked_at = NULL, park_reason = NULL, attempts = 0
                         WHERE event_id = :id AND parked_at IS NOT NULL AND discarded_at IS NULL
                        """).param("id", eventId).update() == 1;
    }

    /**
     * Gives up on a parked event: it is never sent, and stays in the table (the cleaner deletes only published
     * rows) as the record of what was not published.
     *
     * @return false if no event with this id is parked
     */
    boolean discard(UUID eventId) {
        return jdbc.sql("""
                        UPDATE outbox_event SET discarded_at = now()
                         WHERE event_id = :id AND parked_at IS NOT NULL AND discarded_at IS NULL
                        """).param("id", eventId).update() == 1;
    }

    int deletePublishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    /** Events waiting to be published (those held back behind a parked one included), and the parked ones. */
    Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE parked_at IS NULL) AS size,
                               min(occurred_at) FILTER (WHERE parked_at IS NULL) AS oldest,
                               count(*) FILTER (WHERE parked_at IS NOT NULL AND discarded_at IS NULL) AS parked
                          FROM outbox_event WHERE published_at IS NULL
                        """)
                .query((rs, n) -> new Backlog(
                        rs.getLong("size"),
                        Optional.ofNullable(rs.getTimestamp("oldest"))
                                .map(oldest -> Duration.between(oldest.toInstant(), Instant.now()))
                                .orElse(Duration.ZERO),
                        rs.getLong("parked")))
                .single();
    }

    /**
     * @param size      events waiting to be published
     * @param oldestAge how long the oldest of them has waited
     * @param parked    events parked and not discarded
     */
    record Backlog(long size, Duration oldestAge, long parked) {}

    private PendingEvent pendingEvent(ResultSet rs, int rowNum) throws SQLException {
        return new PendingEvent(
                rs.getLong("position"),
                rs.getObject("event_id", UUID.class),
                rs.getString("topic"),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                rs.getString("event_type"),
                rs.getString("data_schema"),
                rs.getString("payload"),
                json.readValue(rs.getString("trace_context"), HEADERS),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getInt("attempts"));
    }
}
