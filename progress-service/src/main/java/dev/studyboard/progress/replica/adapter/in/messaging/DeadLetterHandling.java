package dev.studyboard.progress.replica.adapter.in.messaging;

import dev.studyboard.outbox.DeadLetters;
import dev.studyboard.outbox.ReceivedCommand;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Dead letter channel ({@link DeadLetters}): what happens to an event that cannot be applied, with spring-kafka's
 * error handling (no hand-made loop):
 * a few retries with exponential back-off for what may pass (a database hiccup, an earlier event still on
 * its way), then the record goes to {@code <topic>.dlt} and the partition moves on. A malformed record
 * skips the retries. The retries are blocking on purpose and short: they keep one book's events in order,
 * which non-blocking retry topics would not; the partition waits seconds at most, never forever.
 * Spring Boot uses this bean as the error handler of every listener container, the import saga's replies too.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterHandling {

    static final String DEAD_LETTERED = "progress.events.dead.lettered";

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaOperations<?, ?> kafka,
            MeterRegistry meters,
            @Value("${studyboard.consumer.retry.initial-interval:200ms}") Duration initialInterval,
            @Value("${studyboard.consumer.retry.max-elapsed-time:5s}") Duration maxElapsedTime) {
        // Counted per topic (progress.events.dead.lettered). Registered up front, so the series exists at 0 and an
        // alert on its increase has something to watch.
        for (var topic : new String[] {ConsumedTopics.CATALOG_EVENTS, ConsumedTopics.MEMBER_EVENTS}) {
            meters.counter(DEAD_LETTERED, "topic", topic);
        }
        return DeadLetters.errorHandler(
                kafka,
                meters,
                DEAD_LETTERED,
                initialInterval,
                maxElapsedTime,
                MalformedEventException.class,
                ReceivedCommand.MalformedCommandException.class);
    }
}
