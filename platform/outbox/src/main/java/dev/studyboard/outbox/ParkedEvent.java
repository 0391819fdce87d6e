package dev.studyboard.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * A poison event as an operator sees it on {@code /actuator/outbox}: the relay no longer sends it, nor the
 * {@code heldBack} later events of its aggregate, until it is retried or discarded.
 *
 * @param id       the event's id (CloudEvents {@code id}), which the endpoint's retry and discard take
 * @param attempts the sends Kafka refused
 * @param reason   why it was parked, e.g. Kafka's {@code RecordTooLargeException} and its message
 */
public record ParkedEvent(
        UUID id,
        String topic,
        String aggregateType,
        String aggregateId,
        String type,
        int attempts,
        String reason,
        Instant parkedAt,
        long heldBack) {}
