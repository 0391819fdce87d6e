package dev.studyboard.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.KafkaOutage;
import dev.studyboard.testsupport.SharedContainers;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Poison events: rows the relay can never publish, here events larger than Kafka takes. The service's own relay
 * runs as in production; the operator is the test, calling the outbox actuator endpoint.
 */
@SpringBootTest(properties = "studyboard.outbox.poll-interval=1h")
@Import(SharedContainers.class)
@DisplayName("Poison events")
class PoisonEventTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxStore store;

    @Autowired
    OutboxEndpoint endpoint;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** Each test's own aggregates. */
    private final String run = UUID.randomUUID().toString();

    @AfterEach
    void discardWhatIsStillParked() {
        // A parked event would hold its aggregate back, and count in the gauge, in the tests that follow.
        endpoint.parked().parked().forEach(parked -> endpoint.discard(parked.id()));
    }

    @Nested
    @DisplayName("A poison event")
    class APoisonEvent {

        OutboxMetrics metrics;

        @Test
        @DisplayName("is parked at its first attempt, with Kafka's reason, and listed for the operator")
        void parkedWithReason() {
            var poison = TestEvents.oversizedStep("poison-" + run, 1);

            commit(poison);

            var parked = awaitParked(poison);
            assertThat(parked.topic()).isEqualTo(OutboxTestApplication.TOPIC);
            assertThat(parked.aggregateType()).isEqualTo("test");
            assertThat(parked.aggregateId()).isEqualTo(poison.aggregateId());
            assertThat(parked.type()).isEqualTo("studyboard.test.step");
            assertThat(parked.attempts()).isOne();
            assertThat(parked.reason()).contains("RecordTooLargeException", "max.request.size");
            assertThat(parked.parkedAt()).isNotNull();
        }

        @Test
        @DisplayName("does not stop the events of other aggregates written after it")
        void othersFlow() {
            try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
                var poison = TestEvents.oversizedStep("poison-" + run, 1);
                var bystander = TestEvents.step("bystander-" + run, 1);

                commit(poison);
                commit(bystander);

                assertThat(recorder.awaitSubject(bystander.aggregateId(), 1, TIMEOUT))
                        .singleElement()
                        .satisfies(record -> assertThat(record.value().getId())
                                .isEqualTo(bystander.id().toString()));
                awaitParked(poison);
            }
        }

        @Test
        @DisplayName("is counted by the outbox.events.parked gauge, which reads 0 before anything is parked")
        void counted() {
            var meters = new SimpleMeterRegistry();
            metrics = new OutboxMetrics(store, meters); // held here: a gauge keeps only a weak reference
            var gauge = meters.get("outbox.events.parked").gauge();
            assertThat(gauge.value()).isZero();
            var poison = TestEvents.oversizedStep("poison-" + run, 1);

            commit(poison);
            awaitParked(poison);

            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(gauge.value()).isOne());
            endpoint.discard(poison.id());
            await().atMost(TIMEOUT)
                    .untilAsserted(() -> assertThat(gauge.value()).isZero());
        }
    }

    @Nested
    @DisplayName("The later events of a poison event's aggregate")
    class ItsAggregate {

        @Test
        @DisplayName("wait until an operator discards it; then they go out, and it stays unsent, kept for the record")
        void waitUntilDiscarded() {
            try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
                var aggregate = "discarded-" + run;
                var poison = TestEvents.oversizedStep(aggregate, 1);
                var next = TestEvents.step(aggregate, 2);
                var bystander = TestEvents.step("bystander-" + run, 1);
                commit(poison, next);
                commit(bystander);
                recorder.awaitSubject(bystander.aggregateId(), 1, TIMEOUT); // the relay has gone past them

                assertThat(row(next)).as("held back").containsEntry("published_at", null);
                assertThat(awaitParked(poison).heldBack()).isOne();

                assertThat(endpoint.discard(poison.id()).getStatus()).isEqualTo(204);

                assertThat(recorder.awaitSubject(aggregate, 1, TIMEOUT))
                        .extracting(record -> record.value().getId())
                        .containsExactly(next.id().toString());
                assertThat(endpoint.parked().parked())
                        .extracting(ParkedEvent::id)
                        .doesNotContain(poison.id());
                assertThat(row(poison)).containsEntry("published_at", null).doesNotContainEntry("discarded_at", null);
            }
        }

        @Test
        @DisplayName("wait until an operator retries it, fixed; then it goes out first, and they follow in order")
        void waitUntilRetried() {
            try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
                var aggregate = "retried-" + run;
                var poison = TestEvents.oversizedStep(aggregate, 1);
                var next = TestEvents.step(aggregate, 2);
                commit(poison, next);
                awaitParked(poison);
                // The operator's fix: the data cut down to what Kafka takes.
                jdbc.sql("UPDATE outbox_event SET payload = CAST(:payload AS JSON) WHERE event_id = :id")
                        .param("payload", json.writeValueAsString(new TestEvents.Step(aggregate, 1)))
                        .param("id", poison.id())
                        .update();

                assertThat(endpoint.retry(poison.id()).getStatus()).isEqualTo(204);

                assertThat(recorder.awaitSubject(aggregate, 2, TIMEOUT))
                        .extracting(record -> record.value().getId())
                        .containsExactly(poison.id().toString(), next.id().toString());
                assertThat(row(poison)).containsEntry("attempts", 0).containsEntry("parked_at", null);
            }
        }
    }

    @Nested
    @DisplayName("The operator endpoint")
    class OperatorEndpoint {

        @Test
        @DisplayName("answers 404 to a retry or a discard of an event that is not parked")
        void notParked() {
            var notParked = TestEvents.step("not-parked-" + run, 1);
            commit(notParked);

            assertThat(endpoint.retry(notParked.id()).getStatus()).isEqualTo(404);
            assertThat(endpoint.discard(notParked.id()).getStatus()).isEqualTo(404);
            assertThat(endpoint.retry(UUID.randomUUID()).getStatus()).isEqualTo(404);
        }
    }

    @Nested
    @DisplayName("A broker outage")
    class BrokerOutage {

        @Test
        @DisplayName("parks nothing: a failed send while Kafka is down counts no attempt, and the event goes out later")
        void parksNothing() {
            try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
                var event = TestEvents.step("outage-" + run, 1);
                try (var outage = KafkaOutage.begin()) {
                    commit(event);

                    await("the relay tried, and Kafka did not answer")
                            .atMost(Duration.ofSeconds(60))
                            .until(() -> row(event).get("last_error") != null);
                    assertThat(row(event)).containsEntry("attempts", 0).containsEntry("parked_at", null);
                }

                recorder.awaitSubject(event.aggregateId(), 1, Duration.ofSeconds(60));
                await().atMost(TIMEOUT).until(() -> row(event).get("published_at") != null);
                assertThat(row(event)).containsEntry("attempts", 0).containsEntry("parked_at", null);
            }
        }
    }

    private void commit(OutboxEvent... events) {
        transaction.executeWithoutResult(status -> Arrays.stream(events).forEach(outbox::append));
    }

    private ParkedEvent awaitParked(OutboxEvent event) {
        return await().atMost(TIMEOUT)
                .until(() -> parked(event), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<ParkedEvent> parked(OutboxEvent event) {
        return endpoint.parked().parked().stream()
                .filter(parked -> parked.id().equals(event.id()))
                .findFirst();
    }

    private Map<String, Object> row(OutboxEvent event) {
        return jdbc.sql("""
                        SELECT attempts, last_error, parked_at, published_at, discarded_at
                          FROM outbox_event WHERE event_id = :id
                        """).param("id", event.id()).query().singleRow();
    }
}
