package dev.studyboard.member.commands;

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
 * Dead letter channel for commands ({@link DeadLetters}): a command that fails (the database is away, a concurrent
 * change won) is retried for a few seconds, then goes unchanged to {@code member.commands.dlt}; a malformed record
 * goes there at once. Nothing is lost for the saga: the orchestrator, still waiting for a reply, sends the command
 * again. Spring Boot uses this bean as the error handler of every listener.
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
                "member.commands.dead.lettered",
                initialInterval,
                maxElapsedTime,
                MalformedCommandException.class);
    }
}
