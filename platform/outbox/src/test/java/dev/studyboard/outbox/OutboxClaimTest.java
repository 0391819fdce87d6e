package dev.studyboard.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.SharedContainers;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay's claim, seen from inside its transaction. Each test writes its rows in that same transaction and
 * rolls it back, so no running relay ever sees them.
 */
@SpringBootTest(properties = "studyboard.outbox.poll-interval=1h")
@Import(SharedContainers.class)
@DisplayName("The relay's claim")
class OutboxClaimTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxStore store;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("takes advisory locks only on the aggregates of the rows it returns, whatever the plan")
    void locksOnlyWhatItReturns() {
        inRolledBackTransaction(() -> {
            var run = UUID.randomUUID();
            for (int aggregate = 0; aggregate < 100; aggregate++) {
                outbox.append(TestEvents.step(run + "-" + aggregate, 1));
            }
            // The plan PostgreSQL picks for a small outbox: read every row, then sort and limit. A lock taken in
            // the scan's WHERE would be taken on all 100 rows.
            jdbc.sql("SET LOCAL enable_indexscan = off").update();
            jdbc.sql("SET LOCAL enable_bitmapscan = off").update();

            var claimed = store.claim(10);

            assertThat(claimed).hasSize(10);
            assertThat(advisoryLocksHeld()).isEqualTo(10);
        });
    }

    @Test
    @DisplayName("passes over a parked event and the later events of its aggregate, and over nothing else")
    void passesOverParked() {
        inRolledBackTransaction(() -> {
            var poisoned = "poisoned-" + UUID.randomUUID();
            var bystander = "bystander-" + UUID.randomUUID();
            outbox.append(TestEvents.step(poisoned, 1));
            outbox.append(TestEvents.step(poisoned, 2));
            outbox.append(TestEvents.step(bystander, 1));
            var first = store.claim(10).stream()
                    .filter(event -> event.aggregateId().equals(poisoned))
                    .findFirst()
                    .orElseThrow();

            store.park(first, "larger than Kafka takes");

            assertThat(store.claim(10))
                    .extracting(PendingEvent::aggregateId)
                    .contains(bystander)
                    .doesNotContain(poisoned);
        });
    }

    private void inRolledBackTransaction(Runnable test) {
        // Events other tests committed are the running relay's: it must be done with them, or the claim meets them.
        await().atMost(Duration.ofSeconds(30)).until(() -> store.backlog().size() == 0);
        transaction.executeWithoutResult(status -> {
            status.setRollbackOnly();
            test.run();
        });
    }

    private long advisoryLocksHeld() {
        return jdbc.sql("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND pid = pg_backend_pid()")
                .query(Long.class)
                .single();
    }
}
