package dev.studyboard.outbox;

import io.cloudevents.kafka.KafkaMessageFactory;
import java.util.Objects;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A command as a participant receives it from its command topic: a CloudEvent (binary mode) whose {@code id}
 * identifies the command, so that a command delivered twice is recognised, and whose data is its JSON.
 *
 * @param id      the command's id (CloudEvents {@code id})
 * @param type    what to do (CloudEvents {@code type}), e.g. {@code studyboard.progress.import.register-book}
 * @param subject what it is about (CloudEvents {@code subject}), e.g. the import's id
 * @param data    the command's data, JSON
 */
public record ReceivedCommand(UUID id, String type, String subject, byte[] data) {

    public ReceivedCommand {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(data, "data");
    }

    /**
     * Reads a Kafka record as a command.
     *
     * @throws MalformedCommandException if it is not a CloudEvent with an id, a type and data: retrying cannot
     *     help, so the error handler should dead-letter it at once
     */
    public static ReceivedCommand from(ConsumerRecord<String, byte[]> record) {
        try {
            var event = KafkaMessageFactory.createReader(record).toEvent();
            if (event.getData() == null) {
                throw new IllegalArgumentException("no data");
            }
            return new ReceivedCommand(
                    UUID.fromString(event.getId()),
                    event.getType(),
                    event.getSubject(),
                    event.getData().toBytes());
        } catch (RuntimeException e) {
            throw new MalformedCommandException(
                    "Not a command of this system at " + record.topic() + "-" + record.partition() + "@"
                            + record.offset() + ": " + e.getMessage(),
                    e);
        }
    }

    /** A record that cannot be read as a command: retrying cannot help. */
    public static class MalformedCommandException extends RuntimeException {
        public MalformedCommandException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
