package dev.studyboard.outbox;

import java.time.Instant;
import java.util.UUID;

/** Events for the outbox tests: aggregate {@code aggregateId} at step {@code sequence}. */
final class TestEvents {

    static final EventType STEP = EventType.v1("test", "step");

    private TestEvents() {}

    record Step(String aggregateId, int sequence) {}

    record OversizedStep(String aggregateId, int sequence, String padding) {}

    static OutboxEvent step(String aggregateId, int sequence) {
        return new OutboxEvent(
                UUID.randomUUID(), "test", aggregateId, STEP, new Step(aggregateId, sequence), Instant.now());
    }

    /** A step whose data is larger than Kafka takes (the producer's max.request.size, 1 MiB): a poison event. */
    static OutboxEvent oversizedStep(String aggregateId, int sequence) {
        var padding = "x".repeat(1_100_000);
        return new OutboxEvent(
                UUID.randomUUID(),
                "test",
                aggregateId,
                STEP,
                new OversizedStep(aggregateId, sequence, padding),
                Instant.now());
    }
}
