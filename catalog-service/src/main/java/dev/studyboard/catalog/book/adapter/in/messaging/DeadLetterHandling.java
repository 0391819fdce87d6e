package dev.studyboard.catalog.book.adapter.in.messaging;

import dev.studyboard.outbox.DeadLetters;
import dev.studyboard.outbox.ReceivedCommand.MalformedCommandException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * Dead letter channel for commands ({@link DeadLetters}): a few short retries for what may pass (a database
 * hiccup), then the command goes to {@code catalog.commands.dlt} and the partition moves on; the orchestrator's step
 * timeout takes over. A malformed command skips the retries. Spring Boot uses this bean as the error handler of every
 * listener container.
 */
@Configuration(proxyBeanMethods = false)
class DeadLetterHandling {

    @Bean
    DefaultErrorHandler deadLetteringErrorHandler(
            KafkaOperations<?, ?> kafka,
            MeterRegistry meters,
            @Value("${studyboard.consumer.retry.initial-interval:200ms}") Duration initialInterval,
            @Value("${studyboard.consumer.retry.max-elapsed-time:5s}") Duration maxElapsedTime) {
        return DeadLetters.errorHandler(
                kafka,
                meters,
                "catalog.commands.dead.lettered",
                initialInterval,
                maxElapsedTime,
                MalformedCommandException.class);
    }
}
