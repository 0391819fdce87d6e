package dev.studyboard.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Wakes the relay the moment outbox rows commit, in this replica or any other: the outbox table's trigger
 * runs {@code pg_notify('outbox_event')}, and this listener holds one connection on {@code LISTEN}.
 * If the connection breaks it reconnects; meanwhile the relay's polling keeps events flowing.
 */
class OutboxNotificationListener extends BackgroundWorker {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotificationListener.class);
    static final String CHANNEL = "outbox_event";
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final OutboxRelay relay;

    OutboxNotificationListener(DataSource dataSource, OutboxRelay relay) {
        // A stop waits for the current wait for notifications (half a second) to end.
        super("outbox-listener", new FixedBackOff(RECONNECT_PAUSE.toMillis()), Duration.ofSeconds(2));
        this.dataSource = dataSource;
        this.relay = relay;
    }

    /** One {@code LISTEN} session, until the listener stops or the connection breaks. */
    @Override
    void work() throws SQLException {
        try (var connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            execute(connection, "LISTEN " + CHANNEL);
            try {
                var notifications = connection.unwrap(PGConnection.class);
                relay.wakeUp(); // whatever committed while nobody was listening
                while (isRunning()) {
                    var received = notifications.getNotifications(500);
                    if (received != null && received.length > 0) {
                        relay.wakeUp();
                    }
                }
            } finally {
                execute(connection, "UNLISTEN *"); // the pool's next user must not inherit the subscription
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    void failed(Exception failure, Duration retryIn) {
        log.warn("Outbox LISTEN connection lost; reconnecting in {} ms: {}", retryIn.toMillis(), failure.toString());
    }

    /** Stops before the relay (higher phases stop first). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4000;
    }
}
