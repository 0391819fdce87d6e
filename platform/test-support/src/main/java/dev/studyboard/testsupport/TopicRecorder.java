package dev.studyboard.testsupport;

import static org.awaitility.Awaitility.await;

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
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its current end, as a test's independent observer of what a service published.
 *
 * @param <V> the record value, as the given deserializer reads it
 */
public class TopicRecorder<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> received = new ArrayList<>();

    protected TopicRecorder(String topic, Deserializer<V> values) {
        consumer = new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedContainers.KAFKA.getBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "test-recorder-" + UUID.randomUUID(),
                        ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                        false),
                new StringDeserializer(),
                values);
        var partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, not at the first poll
    }

    /** Records a topic's raw bytes, e.g. a dead-letter topic whose records may not be events at all. */
    public static TopicRecorder<byte[]> raw(String topic) {
        return new TopicRecorder<>(topic, new ByteArrayDeserializer());
    }

    /** Waits until the records received so far satisfy {@code condition}, and returns all of them. */
    public List<ConsumerRecord<String, V>> awaitUntil(
            Predicate<List<ConsumerRecord<String, V>>> condition, Duration timeout) {
        await().atMost(timeout).pollInterval(Duration.ZERO).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return condition.test(received);
        });
        return List.copyOf(received);
    }

    /** Waits for a record with {@code key} and returns the first one. */
    public ConsumerRecord<String, V> awaitKey(String key, Duration timeout) {
        return awaitUntil(all -> all.stream().anyMatch(r -> key.equals(r.key())), timeout).stream()
                .filter(r -> key.equals(r.key()))
                .findFirst()
                .orElseThrow();
    }

    /** Polls for {@code quietPeriod} and returns everything received, for asserting that nothing (more) came. */
    public List<ConsumerRecord<String, V>> drainFor(Duration quietPeriod) {
        long end = System.nanoTime() + quietPeriod.toNanos();
        do {
            consumer.poll(Duration.ofMillis(100)).forEach(received::add);
        } while (System.nanoTime() < end);
        return List.copyOf(received);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
