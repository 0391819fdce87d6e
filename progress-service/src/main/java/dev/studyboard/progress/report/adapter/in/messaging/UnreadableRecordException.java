package dev.studyboard.progress.report.adapter.in.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.serializer.DeserializationException;

/**
 * A record the pump cannot read as an event of its topic. A {@link DeserializationException} because spring-kafka's
 * error handler never retries one: it goes to {@code <topic>.dlt} at once, as the replicas' malformed events do.
 */
class UnreadableRecordException extends DeserializationException {

    UnreadableRecordException(ConsumerRecord<String, byte[]> record, String reason, Throwable cause) {
        super(
                "Not an event the reporting pump can read at " + record.topic() + "-" + record.partition() + "@"
                        + record.offset() + ": " + reason,
                record.value(),
                false,
                cause);
    }
}
