package dev.studyboard.auth;

import dev.studyboard.testsupport.SharedContainers;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The shared PostgreSQL of {@link SharedContainers}, without its Kafka connection: the auth-server has no Kafka
 * client, so a Kafka {@code @ServiceConnection} would find nothing to connect.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedPostgres {

    @Bean(destroyMethod = "")
    @ServiceConnection
    PostgreSQLContainer postgres() {
        return SharedContainers.POSTGRES;
    }
}
