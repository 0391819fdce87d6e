package dev.studyboard.progress.replica.adapter.out.persistence;

import dev.studyboard.progress.replica.application.ProcessedEvents;
import dev.studyboard.progress.replica.application.ReceivedEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The idempotent consumer's memory. The insert runs in the transaction that applies the event, so "applied"
 * and "recorded as applied" commit together; a second delivery finds the id and inserts nothing.
 */
@Repository
class JdbcProcessedEvents implements ProcessedEvents {

    private final JdbcClient jdbc;

    JdbcProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean markProcessed(ReceivedEvent event) {
        return jdbc.sql("""
                        INSERT INTO processed_event (event_id, source, type) VALUES (:id, :source, :type)
                        ON CONFLICT (event_id) DO NOTHING
                        """)
                        .param("id", event.id())
                        .param("source", event.source())
                        .param("type", event.type())
                        .update()
                == 1;
    }
}
