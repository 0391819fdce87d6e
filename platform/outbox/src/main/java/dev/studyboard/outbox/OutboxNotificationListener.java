package dev.studyboard.outbox;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Wakes the relay the moment outbox rows commit, in this replica or any other: the outbox table's trigger
 * runs {@code pg_notify('outbox_event')}, and this listener holds one connection on {@code LISTEN}.
 * If the connection breaks it reconnects; meanwhile the relay's polling keeps events flowing.
 */
class OutboxNotificationListener implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotificationListener.class);
    static final String CHANNEL = "outbox_event";
    private static final Duration RECONNECT_PAUSE = Duration.ofSeconds(1);

    private final DataSource dataSource;
    private final OutboxRelay relay;
    private volatile CountDownLatch stopped = new CountDownLatch(0);
    private volatile Thread worker;

    OutboxNotificationListener(DataSource dataSource, OutboxRelay relay) {
        this.dataSource = dataSource;
        this.relay = relay;
    }

    private void listenUntilStopped() {
        while (isRunning()) {
            try (var connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (var statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
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
                    try (var statement = connection.createStatement()) {
                        statement.execute("UNLISTEN *"); // the pool's next user must not inherit the subscription
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (isRunning()) {
                    log.warn("Outbox LISTEN connection lost, reconnecting: {}", e.toString());
                    awaitStop(RECONNECT_PAUSE);
                }
            }
        }
    }

    private void awaitStop(Duration pause) {
        try {
            stopped.await(pause.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized void start() {
        if (isRunning()) {
            return;
        }
        stopped = new CountDownLatch(1);
        worker = new Thread(this::listenUntilStopped, "outbox-listener");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        if (!isRunning()) {
            return;
        }
        stopped.countDown();
        try {
            worker.join(Duration.ofSeconds(2).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        worker = null;
    }

    @Override
    public boolean isRunning() {
        return stopped.getCount() > 0;
    }

    /** Stops before the relay (higher phases stop first). */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4000;
    }
}
