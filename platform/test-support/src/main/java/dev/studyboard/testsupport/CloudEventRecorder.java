package dev.studyboard.testsupport;

import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its current end, as a test's independent observer of what a service published.
 * Records are decoded with the CloudEvents Kafka binding, so a test sees exactly what a consumer would.
 */
public final class CloudEventRecorder implements AutoCloseable {

    private final KafkaConsumer<String, CloudEvent> consumer;
    private final List<ConsumerRecord<String, CloudEvent>> received = new ArrayList<>();

    private CloudEventRecorder(KafkaConsumer<String, CloudEvent> consumer) {
        this.consumer = consumer;
    }

    /** Starts recording {@code topic} from now on: earlier records are not seen. */
    public static CloudEventRecorder from(String topic) {
        var consumer = new KafkaConsumer<String, CloudEvent>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedContainers.KAFKA.getBootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-recorder-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new CloudEventDeserializer());
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, not at the first poll
        return new CloudEventRecorder(consumer);
    }

    /** Waits until the records received so far satisfy {@code condition}, and returns all of them. */
    public List<ConsumerRecord<String, CloudEvent>> awaitUntil(
            Predicate<List<ConsumerRecord<String, CloudEvent>>> condition, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return condition.test(received);
        });
        return List.copyOf(received);
    }

    /** Waits until at least one record has {@code subject}, then returns all records with it. */
    public List<ConsumerRecord<String, CloudEvent>> awaitSubject(String subject, int count, Duration timeout) {
        return awaitUntil(all -> withSubject(all, subject).size() >= count, timeout).stream()
                .filter(r -> subject.equals(r.value().getSubject()))
                .toList();
    }

    /** Polls for {@code quietPeriod} and returns everything received, for asserting that nothing (more) came. */
    public List<ConsumerRecord<String, CloudEvent>> drainFor(Duration quietPeriod) {
        long end = System.nanoTime() + quietPeriod.toNanos();
        while (System.nanoTime() < end) {
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        }
        return List.copyOf(received);
    }

    private static List<ConsumerRecord<String, CloudEvent>> withSubject(
            List<ConsumerRecord<String, CloudEvent>> records, String subject) {
        return records.stream().filter(r -> subject.equals(r.value().getSubject())).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
