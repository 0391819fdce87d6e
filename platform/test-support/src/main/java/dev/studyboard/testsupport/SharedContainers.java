package dev.studyboard.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real PostgreSQL and real Kafka for integration tests, started once per test JVM and shared by every
 * test class (and every Spring test context) that imports this configuration, so the suite stays fast.
 *
 * <p>{@code @ServiceConnection} points the datasource and the Kafka clients at them. The beans have no
 * destroy method: the containers outlive any one cached context and are removed with the JVM (Ryuk).
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedContainers {

    public static final PostgreSQLContainer POSTGRES = new PostgreSQLContainer("postgres:17-alpine");

    public static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.1");

    static {
        POSTGRES.start();
        KAFKA.start();
    }

    @Bean(destroyMethod = "")
    @ServiceConnection
    PostgreSQLContainer postgres() {
        return POSTGRES;
    }

    @Bean(destroyMethod = "")
    @ServiceConnection
    KafkaContainer kafka() {
        return KAFKA;
    }
}
