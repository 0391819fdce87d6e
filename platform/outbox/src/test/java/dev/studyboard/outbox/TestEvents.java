package dev.studyboard.outbox;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** Events for the outbox tests: aggregate {@code aggregateId} at step {@code sequence}. */
final class TestEvents {

    private TestEvents() {
    }

    record Step(String aggregateId, int sequence) {
    }

    static OutboxEvent step(String aggregateId, int sequence) {
        return new OutboxEvent(UUID.randomUUID(), OutboxTestApplication.TOPIC, "test", aggregateId,
                "studyboard.test.step", URI.create("urn:studyboard:schema:test.step:v1"),
                new Step(aggregateId, sequence), Instant.now());
    }
}
