package dev.studyboard.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Dead letter channel for a service's listeners, with spring-kafka's error handling: a record that fails is retried
 * with exponential back-off for what may pass (a database hiccup), then published unchanged to {@code <topic>.dlt}
 * (the exception in {@code kafka_dlt-*} headers) and the partition moves on. A record that cannot even be read skips
 * the retries. The retries block the partition on purpose, briefly: they keep one key's records in order.
 */
public final class DeadLetters {

    public static final String SUFFIX = ".dlt";

    private DeadLetters() {}

    /**
     * @param counter         the counter of dead-lettered records, tagged by topic: any count above zero needs
     *                        someone to look
     * @param initialInterval the first back-off, doubled on each retry
     * @param maxElapsedTime  how long one record is retried before it is dead-lettered
     */
    @SafeVarargs
    public static DefaultErrorHandler errorHandler(
            KafkaOperations<?, ?> kafka,
            MeterRegistry meters,
            String counter,
            Duration initialInterval,
            Duration maxElapsedTime,
            Class<? extends Exception>... notRetryable) {
        var publisher = new DeadLetterPublishingRecoverer(
                kafka, (record, failure) -> new TopicPartition(record.topic() + SUFFIX, -1)); // -1: any partition
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            publisher.accept(record, failure);
            meters.counter(counter, "topic", record.topic()).increment();
        };
        var backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxElapsedTime(maxElapsedTime.toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(notRetryable);
        return handler;
    }
}
