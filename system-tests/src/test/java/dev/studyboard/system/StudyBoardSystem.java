package dev.studyboard.system;

import dev.studyboard.testsupport.SharedContainers;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * catalog-service, member-service and progress-service as separate processes, each with its own database in
 * one PostgreSQL server, all on one Kafka: started once for every system test, stopped with the JVM.
 */
final class StudyBoardSystem {

    static final RunningService CATALOG;
    static final RunningService MEMBERS;
    static final RunningService PROGRESS;

    static {
        var postgres = SharedContainers.POSTGRES;
        var kafka = SharedContainers.KAFKA;
        createDatabases(postgres.getJdbcUrl(), postgres.getUsername(), postgres.getPassword(),
                List.of("catalog", "member", "progress"));
        var jdbcBase = postgres.getJdbcUrl().substring(0, postgres.getJdbcUrl().lastIndexOf('/') + 1);
        Map<String, String> common = Map.of(
                "DB_USER", postgres.getUsername(),
                "DB_PASSWORD", postgres.getPassword(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.getBootstrapServers(),
                "EUREKA_CLIENT_ENABLED", "false");
        // Started side by side by another class: threads that ran code of this class would wait for its
        // initialisation, which is waiting for them.
        var services = RunningService.startAll(common, Map.of(
                "catalog-service", jdbcBase + "catalog",
                "member-service", jdbcBase + "member",
                "progress-service", jdbcBase + "progress"), Duration.ofMinutes(3));
        CATALOG = services.get("catalog-service");
        MEMBERS = services.get("member-service");
        PROGRESS = services.get("progress-service");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> services.values().forEach(RunningService::stop)));
    }

    private StudyBoardSystem() {
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
