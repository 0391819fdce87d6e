package dev.studyboard.outbox;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent receiver: a participant of a saga handles each command once and answers it through the
 * {@link Outbox}, in the transaction of the command's effect. A command delivered again (a redelivery, a retry
 * of the orchestrator) has no second effect and gets the same reply again: the first reply is kept in the
 * table {@code handled_command} (shipped with the outbox table).
 *
 * <p>A command the participant refuses for good (invalid data, a rule of its domain) is answered with a
 * refusal; its effect, however far it got, is rolled back first. Any other failure is not answered: it goes
 * back to the listener's error handler, which retries, so a database hiccup never turns into a refusal.
 */
public class CommandReceiver {

    private static final String RECORD = """
            INSERT INTO handled_command (command_id, command_type, reply_topic, reply_aggregate_type,
                                         reply_aggregate_id, reply_service, reply_name, reply_version, reply_data)
            VALUES (:commandId, :commandType, :replyTopic, :aggregateType, :aggregateId, :service, :name, :version,
                    CAST(:data AS JSONB))
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Outbox outbox;
    private final TransactionTemplate transactions;

    public CommandReceiver(JdbcClient jdbc, JsonMapper json, Outbox outbox, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /**
     * A reply: to whom it goes ({@code topic}), about which aggregate (its key, so one saga's replies keep their
     * order), what it says and its data.
     */
    public record Reply(String topic, String aggregateType, String aggregateId, EventType type, Object data) {}

    /**
     * Handles {@code command} once.
     *
     * @param effect  makes the command's change and says the reply; runs in one transaction with the reply
     * @param refusal the reply that refuses the command for an exception {@code effect} threw, or empty when the
     *                exception is not a refusal (then it is rethrown and the command retried)
     */
    public void handleOnce(
            ReceivedCommand command, Supplier<Reply> effect, Function<RuntimeException, Optional<Reply>> refusal) {
        if (Boolean.TRUE.equals(transactions.execute(status -> replyAgain(command.id())))) {
            return;
        }
        try {
            transactions.executeWithoutResult(status -> answer(command, effect.get()));
        } catch (RuntimeException e) {
            var refused = refusal.apply(e).orElseThrow(() -> e);
            transactions.executeWithoutResult(status -> answer(command, refused));
        }
    }

    private void answer(ReceivedCommand command, Reply reply) {
        var data = json.valueToTree(reply.data());
        jdbc.sql(RECORD)
                .param("commandId", command.id())
                .param("commandType", command.type())
                .param("replyTopic", reply.topic())
                .param("aggregateType", reply.aggregateType())
                .param("aggregateId", reply.aggregateId())
                .param("service", reply.type().service())
                .param("name", reply.type().name())
                .param("version", reply.type().version())
                .param("data", json.writeValueAsString(data))
                .update();
        send(reply.topic(), reply.aggregateType(), reply.aggregateId(), reply.type(), data);
    }

    /** A command handled before: its stored reply goes out again, as a new event with the same data. */
    private boolean replyAgain(UUID commandId) {
        return jdbc.sql("""
                        SELECT reply_topic, reply_aggregate_type, reply_aggregate_id, reply_service, reply_name,
                               reply_version, reply_data
                          FROM handled_command WHERE command_id = :commandId
                        """)
                .param("commandId", commandId)
                .query((rs, n) -> {
                    send(
                            rs.getString("reply_topic"),
                            rs.getString("reply_aggregate_type"),
                            rs.getString("reply_aggregate_id"),
                            new EventType(
                                    rs.getString("reply_service"),
                                    rs.getString("reply_name"),
                                    rs.getInt("reply_version")),
                            json.readTree(rs.getString("reply_data")));
                    return true;
                })
                .optional()
                .isPresent();
    }

    private void send(String topic, String aggregateType, String aggregateId, EventType type, JsonNode data) {
        outbox.appendTo(
                topic, new OutboxEvent(UUID.randomUUID(), aggregateType, aggregateId, type, data, Instant.now()));
    }
}
