package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.replica.application.ReplicaLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The replicas' lock as a PostgreSQL advisory lock scoped to the transaction (like the outbox's per aggregate): one
 * key, named, taken in shared or exclusive mode, released at commit or rollback, so it cannot be left behind.
 */
@Component
class JdbcReplicaLock implements ReplicaLock {

    private static final String KEY = "hashtextextended('progress-service/replicas', 0)";

    private final JdbcClient jdbc;

    JdbcReplicaLock(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void shared() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock_shared(" + KEY + ")")
                .query(Integer.class)
                .single();
    }

    @Override
    public void exclusive() {
        jdbc.sql("SELECT 1 FROM pg_advisory_xact_lock(" + KEY + ")")
                .query(Integer.class)
                .single();
    }
}
