package dev.studyboard.outbox;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An outbox row claimed by the relay and not yet published; {@code attempts} counts the sends Kafka refused. */
record PendingEvent(
        long position,
        UUID id,
        String topic,
        String aggregateType,
        String aggregateId,
        String type,
        String dataSchema,
        String payload,
        Map<String, String> traceContext,
        Instant occurredAt,
        int attempts) {}
