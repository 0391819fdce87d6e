package dev.studyboard.progress.replica.adapter.in.messaging;

import dev.studyboard.progress.replica.application.ReceivedEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Reads a Kafka record as a CloudEvent (binary mode) and its JSON data as the record type a listener expects. */
@Component
class IncomingCloudEvents {

    private final JsonMapper json;

    IncomingCloudEvents(JsonMapper json) {
        this.json = json;
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
            throw new MalformedEventException("Not a CloudEvent of this system at " + record.topic() + "-"
                    + record.partition() + "@" + record.offset() + ": " + e.getMessage(), e);
        }
    }

    ReceivedEvent identity(CloudEvent event) {
        return new ReceivedEvent(UUID.fromString(event.getId()), event.getSource().toString(), event.getType());
    }

    <T> T data(CloudEvent event, Class<T> type) {
        try {
            return json.readValue(event.getData().toBytes(), type);
        } catch (RuntimeException e) {
            throw new MalformedEventException("Unreadable data of " + event.getType() + " " + event.getId(), e);
        }
    }
}
