package dev.studyboard.outbox;

import java.time.Instant;
import java.util.UUID;

/** Events for the outbox tests: aggregate {@code aggregateId} at step {@code sequence}. */
final class TestEvents {

    static final EventType STEP = EventType.v1("test", "step");

    private TestEvents() {}

    record Step(String aggregateId, int sequence) {}

    static OutboxEvent step(String aggregateId, int sequence) {
        return new OutboxEvent(
                UUID.randomUUID(), "test", aggregateId, STEP, new Step(aggregateId, sequence), Instant.now());
    }
}
