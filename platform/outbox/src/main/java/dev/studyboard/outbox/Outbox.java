package dev.studyboard.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Transactional outbox: records an event in the service's own database, in the transaction that makes the
 * change. Both commit or neither does, so no change is published without happening and none happens without
 * being published. {@link OutboxRelay} sends the rows to the service's topic afterwards.
 */
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, aggregate_type, aggregate_id, event_type, data_schema,
                                      payload, trace_context, occurred_at)
            VALUES (:id, :topic, :aggregateType, :aggregateId, :type, :dataSchema,
                    CAST(:payload AS JSON), CAST(:traceContext AS JSONB), :occurredAt)
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String topic;
    private final TraceContextCapture traceContext;
    private final Counter written;

    /** @param topic the Kafka topic of every event this outbox records: the service's own */
    public Outbox(
            JdbcClient jdbc, JsonMapper json, String topic, TraceContextCapture traceContext, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.json = json;
        this.topic = topic;
        this.traceContext = traceContext;
        this.written = Counter.builder("outbox.events.written")
                .description("Events committed to the outbox")
                .register(meters);
    }

    /**
     * Appends {@code event} to the outbox. Must run inside the transaction of the change it describes:
     * {@code MANDATORY} makes calling it without one an error instead of a silent separate commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(OutboxEvent event) {
        appendTo(topic, event);
    }

    /**
     * Appends {@code event} for another topic than the service's own: a command to a participant of a saga, or a
     * reply to the saga's orchestrator. Same transaction rule as {@link #append}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendTo(String topic, OutboxEvent event) {
        insert(INSERT, topic, event);
    }

    /**
     * Appends {@code event}, or, if an event with its id was appended before, queues that one to be sent again:
     * how a saga's orchestrator retries a command that got no reply. The receiver recognises the id and does not
     * act twice. Same transaction rule as {@link #append}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void appendOrResend(String topic, OutboxEvent event) {
        insert(INSERT + " ON CONFLICT (event_id) DO UPDATE SET published_at = NULL", topic, event);
    }

    private void insert(String sql, String topic, OutboxEvent event) {
        jdbc.sql(sql)
                .param("id", event.id())
                .param("topic", topic)
                .param("aggregateType", event.aggregateType())
                .param("aggregateId", event.aggregateId())
                .param("type", event.type().cloudEventsType())
                .param("dataSchema", event.type().dataSchema().toString())
                .param("payload", json.writeValueAsString(event.data()))
                .param("traceContext", json.writeValueAsString(traceContext.current()))
                .param("occurredAt", Timestamp.from(event.occurredAt()))
                .update();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                written.increment();
            }
        });
    }
}
