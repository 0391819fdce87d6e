package dev.studyboard.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.SharedContainers;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox with its relay as a service runs it. Polling is set to an hour, so an event that arrives
 * within the test's timeout was delivered by the NOTIFY wake-up, not by polling.
 */
@SpringBootTest(properties = "studyboard.outbox.poll-interval=1h")
@Import(SharedContainers.class)
@DisplayName("The outbox")
class OutboxTest {

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxCleaner cleaner;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaAdmin kafkaAdmin;

    @Test
    @DisplayName("refuses an event written outside a transaction: it would not be atomic with any change")
    void needsTransaction() {
        assertThatThrownBy(() -> outbox.append(TestEvents.step("lonely", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    @DisplayName("wakes the relay at commit (PostgreSQL NOTIFY) instead of waiting for the next poll")
    void wakesRelayAtCommit() {
        try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
            var event = TestEvents.step("notified", 1);

            transaction.executeWithoutResult(status -> outbox.append(event));

            var received = recorder.awaitSubject("notified", 1, Duration.ofSeconds(20));
            assertThat(received)
                    .singleElement()
                    .satisfies(record -> assertThat(record.value().getId())
                            .isEqualTo(event.id().toString()));
        }
    }

    @Test
    @DisplayName("publishes to the service's topic, under the name and data schema of the event's type")
    void publishesUnderEventType() {
        try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
            transaction.executeWithoutResult(status -> outbox.append(TestEvents.step("named", 1)));

            var received = recorder.awaitSubject("named", 1, Duration.ofSeconds(20));

            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("named");
                assertThat(record.value().getType()).isEqualTo("studyboard.test.step");
                assertThat(record.value().getDataSchema()).isEqualTo(URI.create("urn:studyboard:schema:test.step:v1"));
                assertThat(record.value().getSource()).isEqualTo(URI.create("/studyboard/outbox-test"));
            });
        }
    }

    @Test
    @DisplayName("creates the service's topic at start-up, as configured, its records kept for good")
    void createsRetainedTopic() throws Exception {
        var topic = OutboxTestApplication.TOPIC;
        try (var admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
            var description =
                    admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic);
            var resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);

            assertThat(description.partitions())
                    .as("studyboard.topics.partitions")
                    .hasSize(6);
            assertThat(config.get(TopicConfig.RETENTION_MS_CONFIG).value()).isEqualTo("-1");
        }
    }

    @Nested
    @DisplayName("cleaner")
    class Cleaner {

        @Test
        @DisplayName("deletes published rows older than the retention, and nothing else")
        void deletesOldPublishedRows() {
            transaction.executeWithoutResult(status -> {
                outbox.append(TestEvents.step("old-published", 1));
                outbox.append(TestEvents.step("recent-published", 1));
            });
            transaction.executeWithoutResult(status -> {
                // Stand-ins for rows the relay published two days ago and just now.
                jdbc.sql(
                                "UPDATE outbox_event SET published_at = now() - interval '2 days' WHERE aggregate_id = 'old-published'")
                        .update();
                jdbc.sql("UPDATE outbox_event SET published_at = now() WHERE aggregate_id = 'recent-published'")
                        .update();
            });

            cleaner.clean();

            assertThat(rows("old-published")).isZero();
            assertThat(rows("recent-published")).isOne();
        }

        private long rows(String aggregateId) {
            return jdbc.sql("SELECT count(*) FROM outbox_event WHERE aggregate_id = :id")
                    .param("id", aggregateId)
                    .query(Long.class)
                    .single();
        }
    }
}
