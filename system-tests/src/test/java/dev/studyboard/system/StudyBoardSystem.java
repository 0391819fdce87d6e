package dev.studyboard.system;

import dev.studyboard.testsupport.SharedContainers;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * catalog-service, member-service and progress-service as separate processes, each with its own database in
 * one PostgreSQL server, all on one Kafka, all sending their spans to one Zipkin: started once for every system
 * test, stopped with the JVM.
 */
final class StudyBoardSystem {

    static final GenericContainer<?> ZIPKIN =
            new GenericContainer<>("openzipkin/zipkin:3").withExposedPorts(9411).waitingFor(Wait.forHttp("/health"));

    static final RunningService CATALOG;
    static final RunningService MEMBERS;
    static final RunningService PROGRESS;

    static {
        var postgres = SharedContainers.POSTGRES;
        var kafka = SharedContainers.KAFKA;
        ZIPKIN.start();
        createDatabases(
                postgres.getJdbcUrl(),
                postgres.getUsername(),
                postgres.getPassword(),
                List.of("catalog", "member", "progress"));
        var jdbcBase = postgres.getJdbcUrl().substring(0, postgres.getJdbcUrl().lastIndexOf('/') + 1);
        Map<String, String> common = Map.of(
                "DB_USER",
                postgres.getUsername(),
                "DB_PASSWORD",
                postgres.getPassword(),
                "KAFKA_BOOTSTRAP_SERVERS",
                kafka.getBootstrapServers(),
                "EUREKA_CLIENT_ENABLED",
                "false",
                "ZIPKIN_ENABLED",
                "true",
                "ZIPKIN_ENDPOINT",
                zipkinUrl() + "/api/v2/spans");
        // Started side by side by another class: threads that ran code of this class would wait for its
        // initialisation, which is waiting for them.
        var services = RunningService.startAll(
                common,
                Map.of(
                        "catalog-service", jdbcBase + "catalog",
                        "member-service", jdbcBase + "member",
                        "progress-service", jdbcBase + "progress"),
                Duration.ofMinutes(3));
        CATALOG = services.get("catalog-service");
        MEMBERS = services.get("member-service");
        PROGRESS = services.get("progress-service");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(RunningService::stop)));
    }

    private StudyBoardSystem() {}

    static String zipkinUrl() {
        return "http://" + ZIPKIN.getHost() + ":" + ZIPKIN.getMappedPort(9411);
    }

    /** Database per service: three databases, and each service is only told about its own. */
    private static void createDatabases(String url, String user, String password, List<String> names) {
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            for (var name : names) {
                statement.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the services' databases", e);
        }
    }
}
