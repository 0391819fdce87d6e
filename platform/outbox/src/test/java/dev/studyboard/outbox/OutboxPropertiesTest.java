package dev.studyboard.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.Duration;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code studyboard.outbox.*} as Spring Boot binds it from a service's application.yml. */
@DisplayName("The outbox's settings")
class OutboxPropertiesTest {

    private static OutboxProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings))
                .bindOrCreate("studyboard.outbox", OutboxProperties.class);
    }

    @Test
    @DisplayName("need only the service's topic; everything else has a default")
    void topicIsEnough() {
        var properties = bind(Map.of("studyboard.outbox.topic", "catalog.events"));

        assertThat(properties.topic()).isEqualTo("catalog.events");
        assertThat(properties.batchSize()).isEqualTo(500);
        assertThat(properties.pollInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(properties.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.maxAttempts()).isEqualTo(5);
    }

    @Test
    @DisplayName("refuse max-attempts below 1: every row is tried at least once")
    void maxAttemptsAtLeastOne() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(
                        Map.of("studyboard.outbox.topic", "catalog.events", "studyboard.outbox.max-attempts", "0")))
                .havingRootCause()
                .withMessageContaining("max-attempts must be 1 or more");
    }

    @Test
    @DisplayName("refuse a service without a topic: its events would have nowhere to go")
    void topicIsRequired() {
        assertThatExceptionOfType(BindException.class)
                .isThrownBy(() -> bind(Map.of("studyboard.outbox.batch-size", "100")))
                .havingRootCause()
                .withMessageContaining("studyboard.outbox.topic is required");
    }

    @Test
    @DisplayName("back off from 200 ms, doubling, to at most max-backoff while Kafka is unreachable")
    void retryBackOff() {
        var properties =
                bind(Map.of("studyboard.outbox.topic", "catalog.events", "studyboard.outbox.max-backoff", "1s"));

        var retries = properties.retryBackOff().start();

        assertThat(LongStream.generate(retries::nextBackOff).limit(6))
                .containsExactly(200L, 400L, 800L, 1000L, 1000L, 1000L);
    }
}
