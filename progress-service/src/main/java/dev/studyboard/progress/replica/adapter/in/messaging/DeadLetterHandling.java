package dev.studyboard.progress.replica.adapter.in.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * What happens to an event that cannot be applied, with spring-kafka's error handling (no hand-made loop):
 * a few retries with exponential back-off for what may pass (a database hiccup, an earlier event still on
 * its way), then the record goes to {@code <topic>.dlt} and the partition moves on. A malformed record
 * skips the retries. The retries are blocking on purpose and short: they keep one book's events in order,
 * which non-blocking retry topics would not; the partition waits seconds at most, never forever.
 * Spring Boot uses this bean as the error handler of every listener container.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterHandling {

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaOperations<?, ?> kafka,
            MeterRegistry meters,
            @Value("${studyboard.consumer.retry.initial-interval:200ms}") Duration initialInterval,
            @Value("${studyboard.consumer.retry.max-elapsed-time:5s}") Duration maxElapsedTime) {
        var recoverer = new DeadLetterPublishingRecoverer(
                kafka,
                (record, failure) -> new TopicPartition(
                        record.topic() + ConsumedTopics.DEAD_LETTER_SUFFIX, -1)); // -1: any partition
        var backOff = new ExponentialBackOff(initialInterval.toMillis(), 2.0);
        backOff.setMaxElapsedTime(maxElapsedTime.toMillis());
        // Counted per topic (progress.events.dead.lettered): any count above zero needs someone to look.
        // Registered up front, so the series exists at 0 and an alert on its increase has something to watch.
        for (var topic : new String[] {ConsumedTopics.CATALOG_EVENTS, ConsumedTopics.MEMBER_EVENTS}) {
            meters.counter("progress.events.dead.lettered", "topic", topic);
        }
        ConsumerRecordRecoverer countingRecoverer = (record, failure) -> {
            recoverer.accept(record, failure);
            meters.counter("progress.events.dead.lettered", "topic", record.topic())
                    .increment();
        };
        var handler = new DefaultErrorHandler(countingRecoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        return handler;
    }
}
