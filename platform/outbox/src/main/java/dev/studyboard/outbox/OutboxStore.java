package dev.studyboard.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The relay's SQL on the outbox table. Every method runs in the caller's transaction. */
class OutboxStore {

    /**
     * Claims the oldest unpublished events, in order, for this relay's transaction.
     *
     * <p>{@code FOR UPDATE SKIP LOCKED} lets several replicas relay at once without publishing the same row.
     * Skipping rows alone could let replica B publish a book's second event while replica A still holds
     * its first, so each replica also takes a transaction-scoped advisory lock per aggregate and passes
     * over every aggregate another replica holds: one aggregate's events go out one relay at a time, in order.
     */
    private static final String CLAIM = """
            SELECT position, event_id, topic, aggregate_type, aggregate_id, event_type, data_schema,
                   payload, trace_context, occurred_at
              FROM outbox_event
             WHERE published_at IS NULL
               AND pg_try_advisory_xact_lock(hashtextextended(aggregate_type || '/' || aggregate_id, 0))
             ORDER BY position
             LIMIT :limit
               FOR UPDATE SKIP LOCKED
            """;

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;

    OutboxStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<PendingEvent> claim(int limit) {
        return jdbc.sql(CLAIM).param("limit", limit).query(this::pendingEvent).list();
    }

    void markPublished(List<PendingEvent> events) {
        Long[] positions = events.stream().map(PendingEvent::position).toArray(Long[]::new);
        jdbc.sql("UPDATE outbox_event SET published_at = now() WHERE position = ANY(:positions)")
                .param("positions", positions)
                .update();
    }

    int deletePublishedBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM outbox_event WHERE published_at < :cutoff")
                .param("cutoff", Timestamp.from(cutoff))
                .update();
    }

    /** Unpublished events, and the age of the oldest of them. */
    Backlog backlog() {
        return jdbc.sql("""
                        SELECT count(*) AS size, min(occurred_at) AS oldest
                          FROM outbox_event WHERE published_at IS NULL
                        """)
                .query((rs, n) -> new Backlog(
                        rs.getLong("size"),
                        Optional.ofNullable(rs.getTimestamp("oldest"))
                                .map(oldest -> Duration.between(oldest.toInstant(), Instant.now()))
                                .orElse(Duration.ZERO)))
                .single();
    }

    record Backlog(long size, Duration oldestAge) {}

    private PendingEvent pendingEvent(ResultSet rs, int rowNum) throws SQLException {
        return new PendingEvent(
                rs.getLong("position"),
                rs.getObject("event_id", java.util.UUID.class),
                rs.getString("topic"),
                rs.getString("aggregate_type"),
                rs.getString("aggregate_id"),
                rs.getString("event_type"),
                rs.getString("data_schema"),
                rs.getString("payload"),
                json.readValue(rs.getString("trace_context"), HEADERS),
                rs.getTimestamp("occurred_at").toInstant());
    }
}
