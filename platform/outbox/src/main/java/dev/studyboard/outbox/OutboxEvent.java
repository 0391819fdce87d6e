package dev.studyboard.outbox;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as a service hands it to the {@link Outbox}: where it goes, what it is about, and its data.
 *
 * @param id            unique id of the event (CloudEvents {@code id}); consumers use it to drop duplicates
 * @param topic         Kafka topic, e.g. {@code catalog.events}
 * @param aggregateType the kind of thing that changed, e.g. {@code book}
 * @param aggregateId   which one: the Kafka key (so its events keep their order) and CloudEvents {@code subject}
 * @param type          CloudEvents {@code type}, e.g. {@code studyboard.catalog.book.registered}
 * @param dataSchema    CloudEvents {@code dataschema}: names the data's schema and its version
 * @param data          the event's data, written as JSON
 * @param occurredAt    when the change happened (CloudEvents {@code time})
 */
public record OutboxEvent(
        UUID id,
        String topic,
        String aggregateType,
        String aggregateId,
        String type,
        URI dataSchema,
        Object data,
        Instant occurredAt) {

    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(dataSchema, "dataSchema");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
