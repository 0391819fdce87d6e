package dev.studyboard.member.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.studyboard.testsupport.SharedContainers;
import dev.studyboard.testsupport.TestIssuer;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * A database outage under a write, on real PostgreSQL: member-service's database ends every connection and refuses
 * new ones. The database is this test's own, on the shared server, so no other test's instance loses its own.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "eureka.client.enabled=false",
            // the import saga's commands stay with the other tests' instance, which has the shared database
            "spring.kafka.listener.auto-startup=false",
            // a request waits 1 s for a connection before it is refused, not Hikari's 30 s
            "spring.datasource.hikari.connection-timeout=1000"
        })
@AutoConfigureRestTestClient
@Import(TestIssuer.Properties.class)
@DisplayName("member-service while its database cannot be reached")
class DatabaseOutageTest {

    private static final String DATABASE = createDatabase("member_outage");

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> jdbcUrl(DATABASE));
        registry.add("spring.datasource.username", SharedContainers.POSTGRES::getUsername);
        registry.add("spring.datasource.password", SharedContainers.POSTGRES::getPassword);
        registry.add("spring.kafka.bootstrap-servers", SharedContainers.KAFKA::getBootstrapServers);
    }

    @Autowired
    RestTestClient http;

    private RestTestClient.ResponseSpec join(String displayName) {
        return http.post()
                .uri("/api/members")
                .header(HttpHeaders.AUTHORIZATION, TestIssuer.shared().organizer())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"displayName\": \"" + displayName + "\"}")
                .exchange();
    }

    @Nested
    @DisplayName("a join")
    class Join {

        @BeforeEach
        void cutOffTheDatabase() {
            admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS false");
            // waits (up to 5 s) until each of the service's connections is gone
            admin("SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '" + DATABASE + "'");
        }

        @AfterEach
        void restoreTheDatabase() {
            admin("ALTER DATABASE " + DATABASE + " ALLOW_CONNECTIONS true");
        }

        @Test
        @DisplayName("is answered 503 problem details with Retry-After, not 500, and nothing of it is stored")
        void serviceUnavailable() {
            var displayName = "정전-" + UUID.randomUUID();

            join(displayName)
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .valueEquals(HttpHeaders.RETRY_AFTER, "5")
                    .expectHeader()
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.title")
                    .isEqualTo("Service Unavailable")
                    .jsonPath("$.detail")
                    .value(
                            String.class,
                            detail -> assertThat(detail)
                                    .contains("cannot reach its database", "could not be completed")
                                    .doesNotContain("SQL", "Exception", "member_outage"));

            restoreTheDatabase();
            assertThat(count("SELECT count(*) FROM member WHERE display_name = '" + displayName + "'"))
                    .as("members stored")
                    .isZero();
            assertThat(count("SELECT count(*) FROM outbox_event WHERE payload::text LIKE '%" + displayName + "%'"))
                    .as("events stored")
                    .isZero();
        }

        @Test
        @DisplayName("succeeds again once the database is back: the service reconnects by itself")
        void reconnects() {
            join("정전-" + UUID.randomUUID()).expectStatus().isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);

            restoreTheDatabase();

            await("a join committed after the outage")
                    .atMost(Duration.ofSeconds(30))
                    .untilAsserted(() ->
                            join("정전 후-" + UUID.randomUUID()).expectStatus().isCreated());
        }
    }

    /** A database of the shared PostgreSQL server, for this test alone. */
    private static String createDatabase(String name) {
        admin("CREATE DATABASE " + name);
        return name;
    }

    private static String jdbcUrl(String database) {
        var url = SharedContainers.POSTGRES.getJdbcUrl();
        return url.substring(0, url.lastIndexOf('/') + 1) + database;
    }

    /** Runs {@code sql} as the server's superuser, from its default database: never cut off. */
    private static void admin(String sql) {
        var postgres = SharedContainers.POSTGRES;
        try (var connection = DriverManager.getConnection(
                        postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword());
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static long count(String query) {
        var postgres = SharedContainers.POSTGRES;
        try (var connection =
                        DriverManager.getConnection(jdbcUrl(DATABASE), postgres.getUsername(), postgres.getPassword());
                var statement = connection.createStatement();
                var result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(query, e);
        }
    }
}
