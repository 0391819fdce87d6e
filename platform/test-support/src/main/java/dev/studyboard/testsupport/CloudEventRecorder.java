package dev.studyboard.testsupport;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Records a topic of CloudEvents, decoded with the CloudEvents Kafka binding, so a test sees exactly what a
 * consumer would.
 */
public final class CloudEventRecorder extends TopicRecorder<CloudEvent> {

    private CloudEventRecorder(String topic) {
        super(topic, new CloudEventDeserializer());
    }

    /** Starts recording {@code topic} from now on: earlier records are not seen. */
    public static CloudEventRecorder from(String topic) {
        return new CloudEventRecorder(topic);
    }

    /** Waits until {@code count} records have {@code subject}, then returns all records with it. */
    public List<ConsumerRecord<String, CloudEvent>> awaitSubject(String subject, int count, Duration timeout) {
        return awaitUntil(all -> withSubject(all, subject).size() >= count, timeout).stream()
                .filter(r -> subject.equals(r.value().getSubject()))
                .toList();
    }

    private static List<ConsumerRecord<String, CloudEvent>> withSubject(
            List<ConsumerRecord<String, CloudEvent>> records, String subject) {
        return records.stream()
                .filter(r -> subject.equals(r.value().getSubject()))
                .toList();
    }
}
