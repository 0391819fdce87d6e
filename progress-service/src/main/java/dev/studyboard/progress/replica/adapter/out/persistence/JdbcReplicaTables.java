package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.replica.application.ReplicaTables;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The replica tables as a whole. {@code DELETE}, not {@code TRUNCATE}: truncating would lock out the board's reads,
 * which should go on seeing the old replicas until the rebuild commits.
 */
@Repository
class JdbcReplicaTables implements ReplicaTables {

    /** The producers of the events in processed_event: what the replicas were built from (ce_source). */
    private static final String[] UPSTREAM = {"/studyboard/catalog-service", "/studyboard/member-service"};

    private final JdbcClient jdbc;

    JdbcReplicaTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<UUID> empty() {
        var applied = jdbc.sql("DELETE FROM processed_event WHERE source = ANY(:sources) RETURNING event_id")
                .param("sources", UPSTREAM)
                .query(UUID.class)
                .list();
        jdbc.sql("DELETE FROM book_replica").update(); // chapters and sections go with them (the foreign keys cascade)
        jdbc.sql("DELETE FROM member_replica").update();
        return new HashSet<>(applied);
    }

    @Override
    public Size size() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM book_replica WHERE NOT removed) AS books,
                               (SELECT count(*) FROM member_replica) AS members
                        """)
                .query((rs, n) -> new Size(rs.getLong("books"), rs.getLong("members")))
                .single();
    }
}
