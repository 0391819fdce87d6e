package dev.studyboard.progress.replica.adapter.in.messaging;

import dev.studyboard.progress.replica.application.ReceivedEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads a Kafka record as a CloudEvent (binary mode) and its JSON data as the record type a listener expects. */
@Component
class IncomingCloudEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingCloudEvents.class);

    private final JsonMapper json;

    IncomingCloudEvents(JsonMapper json) {
        this.json = json;
    }

    /**
     * Reads the record and hands its data, as the record type its event type maps to, to {@code apply}. Event
     * types not in {@code types} are not needed here and are skipped, so producers can add new ones.
     */
    <T> void apply(
            ConsumerRecord<String, byte[]> record,
            Map<String, Class<? extends T>> types,
            BiConsumer<ReceivedEvent, T> apply) {
        var event = read(record);
        var type = types.get(event.getType());
        if (type == null) {
            log.debug("Skipping {}: not needed by progress-service", event.getType());
            return;
        }
        apply.accept(identity(event), data(event, type));
    }

    CloudEvent read(ConsumerRecord<String, byte[]> record) {
        try {
            var event = KafkaMessageFactory.createReader(record).toEvent();
            if (event.getData() == null) {
                throw new IllegalArgumentException("no data");
            }
            UUID.fromString(event.getId());
            return event;
        } catch (RuntimeException e) {
            throw new MalformedEventException(
                    "Not a CloudEvent of this system at " + record.topic() + "-" + record.partition() + "@"
                            + record.offset() + ": " + e.getMessage(),
                    e);
        }
    }

    ReceivedEvent identity(CloudEvent event) {
        return new ReceivedEvent(
                UUID.fromString(event.getId()), event.getSource().toString(), event.getType());
    }

    <T> T data(CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (RuntimeException e) {
            throw new MalformedEventException("Unreadable data of " + event.getType() + " " + event.getId(), e);
        }
    }
}
