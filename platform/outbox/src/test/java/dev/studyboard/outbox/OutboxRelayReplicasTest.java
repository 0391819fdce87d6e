package dev.studyboard.outbox;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.studyboard.testsupport.CloudEventRecorder;
import dev.studyboard.testsupport.SharedContainers;
import io.cloudevents.CloudEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several replicas of a service relay the same outbox at once: each event is published once, and each
 * aggregate's events keep their order. The relays here only run when woken, so all of them start on the
 * same backlog together.
 */
@SpringBootTest(
        properties = {
            "studyboard.outbox.listen=false",
            "studyboard.outbox.poll-interval=1h",
            "studyboard.outbox.batch-size=40"
        })
@Import(SharedContainers.class)
@DisplayName("Outbox relays on several replicas")
class OutboxRelayReplicasTest {

    private static final int AGGREGATES = 30;
    private static final int STEPS = 60;

    @Autowired
    Outbox outbox;

    @Autowired
    OutboxRelay contextRelay;

    @Autowired
    OutboxStore store;

    @Autowired
    CloudEventsKafkaPublisher publisher;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    OutboxProperties properties;

    @Autowired
    JsonMapper json;

    @Test
    @DisplayName("publish every event exactly once, each aggregate's events in order")
    void publishOnceInOrder() {
        var transaction = new TransactionTemplate(transactionManager);
        try (var recorder = CloudEventRecorder.from(OutboxTestApplication.TOPIC)) {
            transaction.executeWithoutResult(status -> {
                for (int step = 0; step < STEPS; step++) {
                    for (int aggregate = 0; aggregate < AGGREGATES; aggregate++) {
                        outbox.append(TestEvents.step("aggregate-" + aggregate, step));
                    }
                }
            });
            var replicas = List.of(contextRelay, replica(), replica());

            replicas.forEach(relay -> {
                relay.start();
                relay.wakeUp();
            });
            var received = recorder.awaitUntil(all -> all.size() >= AGGREGATES * STEPS, Duration.ofSeconds(60));
            replicas.subList(1, replicas.size()).forEach(OutboxRelay::stop);

            var ids = received.stream().map(r -> r.value().getId()).toList();
            assertThat(ids).hasSize(AGGREGATES * STEPS).doesNotHaveDuplicates();
            var stepsByAggregate = received.stream()
                    .collect(Collectors.groupingBy(
                            ConsumerRecord::key, Collectors.mapping(this::sequence, Collectors.toList())));
            assertThat(stepsByAggregate)
                    .hasSize(AGGREGATES)
                    .allSatisfy((aggregate, steps) ->
                            assertThat(steps).as(aggregate).isSorted().hasSize(STEPS));
            assertThat(store.backlog().size()).isZero();
        }
    }

    private OutboxRelay replica() {
        return new OutboxRelay(
                store, publisher, new TransactionTemplate(transactionManager), properties, new SimpleMeterRegistry());
    }

    private int sequence(ConsumerRecord<String, CloudEvent> record) {
        return json.readTree(new String(record.value().getData().toBytes(), UTF_8))
                .get("sequence")
                .asInt();
    }
}
