package dev.studyboard.outbox.benchmark;

import dev.studyboard.outbox.EventType;
import dev.studyboard.outbox.Outbox;
import dev.studyboard.outbox.OutboxEvent;
import dev.studyboard.outbox.OutboxRelay;
import dev.studyboard.testsupport.SharedContainers;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark of the transactional outbox on real PostgreSQL and Kafka (containers). Not a test: it prints.
 *
 * <ol>
 *   <li>Latency: one writer commits one event per transaction at {@code benchmark.rate} events/s for
 *       {@code benchmark.seconds}; a consumer measures commit-to-Kafka-consumer latency (p50, p99, max).</li>
 *   <li>Throughput: with the relay stopped, {@code benchmark.backlog} events are committed; then the relay
 *       starts and the benchmark times how fast it drains them (its maximum sustained events/s).</li>
 * </ol>
 *
 * Run: {@code ./mvnw -pl platform/outbox -am -Pbenchmark verify -DskipTests [-Dbenchmark.rate=500 ...]}
 */
public final class OutboxRelayBenchmark {

    private static final String TOPIC = "outbox.benchmark";
    private static final EventType TICK = EventType.v1("benchmark", "tick");

    private OutboxRelayBenchmark() {}

    @SpringBootApplication
    @Import(SharedContainers.class)
    static class BenchmarkApplication {}

    record Payload(int n) {}

    public static void main(String[] args) throws Exception {
        int rate = Integer.getInteger("benchmark.rate", 500);
        int seconds = Integer.getInteger("benchmark.seconds", 10);
        int backlog = Integer.getInteger("benchmark.backlog", 50_000);

        // As command-line arguments, so they win over the tests' application.yml (on this classpath too), whose
        // topic would otherwise take the relay's events away from the benchmark's consumer.
        var settings = Stream.concat(
                        Stream.of(
                                "--spring.flyway.locations=classpath:db/outbox",
                                "--spring.main.banner-mode=off",
                                "--logging.level.root=WARN",
                                "--spring.application.name=outbox-benchmark",
                                "--studyboard.outbox.topic=" + TOPIC,
                                "--studyboard.topics.partitions=6"),
                        Arrays.stream(args))
                .toArray(String[]::new);
        try (var context = new SpringApplicationBuilder(BenchmarkApplication.class).run(settings)) {
            var outbox = context.getBean(Outbox.class);
            var relay = context.getBean(OutboxRelay.class);
            var transaction = context.getBean(TransactionTemplate.class);
            var jdbc = context.getBean(JdbcClient.class);

            try (var consumer = consumer()) {
                consumer.subscribe(java.util.List.of(TOPIC));
                awaitAssignment(consumer);

                // Warm-up: JIT, connection pools, producer metadata.
                measureLatency(outbox, transaction, consumer, 200, 3);

                long[] latencies = measureLatency(outbox, transaction, consumer, rate, seconds);
                Arrays.sort(latencies);
                System.out.printf(
                        "%nOutbox relay benchmark (PostgreSQL 17 + Kafka 4 in containers, %d cores)%n",
                        Runtime.getRuntime().availableProcessors());
                System.out.printf(
                        "Latency at %d events/s for %d s (%d events, one per transaction),"
                                + " commit to consumer:%n  p50 %.1f ms   p99 %.1f ms   max %.1f ms%n",
                        rate,
                        seconds,
                        latencies.length,
                        percentile(latencies, 50) / 1e3,
                        percentile(latencies, 99) / 1e3,
                        latencies[latencies.length - 1] / 1e3);

                relay.stop();
                fillBacklog(outbox, transaction, backlog);
                long started = System.nanoTime();
                relay.start();
                relay.wakeUp();
                int received = drain(consumer, backlog);
                awaitBacklogMarkedPublished(jdbc);
                double elapsed = (System.nanoTime() - started) / 1e9;
                System.out.printf(
                        "Throughput: %d events waiting, relay published and marked them in %.2f s:"
                                + " %.0f events/s sustained (consumer received %d)%n%n",
                        backlog, elapsed, backlog / elapsed, received);
            }
        }
    }

    /** Commits one event per transaction at {@code rate}/s; returns each event's latency in microseconds. */
    private static long[] measureLatency(
            Outbox outbox,
            TransactionTemplate transaction,
            KafkaConsumer<String, CloudEvent> consumer,
            int rate,
            int seconds) {
        int total = rate * seconds;
        long[] latencies = new long[total];
        var done = new AtomicBoolean();
        var writer = new Thread(
                () -> {
                    long interval = 1_000_000_000L / rate;
                    long next = System.nanoTime();
                    for (int i = 0; i < total; i++) {
                        int n = i;
                        transaction.executeWithoutResult(status -> outbox.append(event(n)));
                        next += interval;
                        LockSupport.parkNanos(next - System.nanoTime()); // open-loop pacing
                    }
                    done.set(true);
                },
                "benchmark-writer");
        writer.start();
        int received = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds + 60L).toNanos();
        while (received < total && System.nanoTime() < deadline) {
            for (var record : consumer.poll(Duration.ofMillis(100))) {
                var now = Instant.now();
                var committed = record.value().getTime().toInstant();
                if (received < total) {
                    latencies[received++] = Duration.between(committed, now).toNanos() / 1_000;
                }
            }
        }
        return Arrays.copyOf(latencies, received);
    }

    private static void fillBacklog(Outbox outbox, TransactionTemplate transaction, int count) {
        int perTransaction = 1_000;
        for (int written = 0; written < count; written += perTransaction) {
            int from = written;
            transaction.executeWithoutResult(status -> {
                for (int i = from; i < Math.min(from + perTransaction, count); i++) {
                    outbox.append(event(i));
                }
            });
        }
    }

    private static int drain(KafkaConsumer<String, CloudEvent> consumer, int expected) {
        int received = 0;
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (received < expected && System.nanoTime() < deadline) {
            received += consumer.poll(Duration.ofMillis(100)).count();
        }
        return received;
    }

    /** The relay marks a batch after Kafka acknowledged it, so the consumer may see it a moment earlier. */
    private static void awaitBacklogMarkedPublished(JdbcClient jdbc) {
        while (jdbc.sql("SELECT count(*) FROM outbox_event WHERE published_at IS NULL")
                        .query(Long.class)
                        .single()
                > 0) {
            LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
        }
    }

    /** The event's time is taken just before its transaction commits, so latency includes the commit. */
    private static OutboxEvent event(int n) {
        return new OutboxEvent(
                UUID.randomUUID(), "benchmark", "aggregate-" + (n % 64), TICK, new Payload(n), Instant.now());
    }

    private static KafkaConsumer<String, CloudEvent> consumer() {
        return new KafkaConsumer<>(
                Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                        SharedContainers.KAFKA.getBootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG,
                        "benchmark-" + UUID.randomUUID(),
                        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                        "latest",
                        ConsumerConfig.MAX_POLL_RECORDS_CONFIG,
                        5_000),
                new StringDeserializer(),
                new CloudEventDeserializer());
    }

    private static void awaitAssignment(KafkaConsumer<String, CloudEvent> consumer) {
        while (consumer.assignment().isEmpty()) {
            consumer.poll(Duration.ofMillis(100));
        }
    }

    private static double percentile(long[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
    }
}
