package dev.studyboard.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.studyboard.testsupport.SharedContainers;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

@DisplayName("Kafka's health")
class KafkaHealthIndicatorTest {

    private static KafkaHealthIndicator indicator(String bootstrapServers) {
        return new KafkaHealthIndicator(
                Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), Duration.ofSeconds(2));
    }

    @Test
    @DisplayName("is UP with the cluster id and the number of brokers when a broker answers")
    void upWhenBrokerAnswers() {
        var indicator = indicator(SharedContainers.KAFKA.getBootstrapServers());
        try {
            var health = indicator.health(true);

            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("brokers", 1).containsKey("clusterId");
        } finally {
            indicator.destroy();
        }
    }

    @Test
    @DisplayName("is DOWN, within seconds, when no broker answers")
    void downWhenNoBroker() {
        var indicator = indicator("localhost:1");
        try {
            var health = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> indicator.health(true));

            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        } finally {
            indicator.destroy();
        }
    }
}
