package dev.studyboard.outbox;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event as a service hands it to the {@link Outbox}: what it is about, what happened, and its data. It goes
 * to the service's own topic ({@code studyboard.outbox.topic}).
 *
 * @param id            unique id of the event (CloudEvents {@code id}); consumers use it to drop duplicates
 * @param aggregateType the kind of thing that changed, e.g. {@code book}
 * @param aggregateId   which one: the Kafka key (so its events keep their order) and CloudEvents {@code subject}
 * @param type          CloudEvents {@code type} and {@code dataschema}, e.g. {@code studyboard.catalog.book.registered}
 * @param data          the event's data, written as JSON
 * @param occurredAt    when the change happened (CloudEvents {@code time})
 */
public record OutboxEvent(
        UUID id, String aggregateType, String aggregateId, EventType type, Object data, Instant occurredAt) {

    public OutboxEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(aggregateType, "aggregateType");
        Objects.requireNonNull(aggregateId, "aggregateId");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }
}
