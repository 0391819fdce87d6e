package dev.studyboard.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A service the way the Study Board services use this module: a JSON API and its problems. */
@SpringBootApplication
class WebProblemsTestApplication {

    record Note(@NotBlank String text) {}

    @RestController
    static class Notes {

        @PostMapping("/api/notes")
        Map<String, Integer> write(@RequestBody Note note) {
            return Map.of("length", note.text().length());
        }

        /** What Spring Security's firewall does with a path it refuses, before any controller is chosen. */
        @GetMapping("/api/refused")
        void refused(HttpServletResponse response) throws IOException {
            response.sendError(
                    HttpServletResponse.SC_BAD_REQUEST, "The request was rejected because the URL contained ;");
        }

        @GetMapping("/api/broken")
        void broken() {
            throw new IllegalStateException("ERROR: relation \"secret\" does not exist (SQL: select * from secret)");
        }
    }

    /**
     * A write that fails the way a service's data access fails, by {@code kind}: while its database cannot be
     * reached (named after the cause), or for another reason. Each message holds SQL an answer must not show.
     */
    @RestController
    static class Failures {

        private static final String SQL = "PreparedStatementCallback; SQL [INSERT INTO secret_member VALUES (?)]; ";
        private static final String HIKARI_TIMEOUT = "HikariPool-1 - Connection is not available, request timed out";

        static final Map<String, Supplier<RuntimeException>> OUTAGES = Map.of(
                "no-connection-to-begin-with",
                () -> new CannotCreateTransactionException(
                        "Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException(HIKARI_TIMEOUT)),
                "no-connection-in-time",
                () -> new CannotGetJdbcConnectionException(
                        "Failed to obtain JDBC Connection", new SQLTransientConnectionException(HIKARI_TIMEOUT)),
                "connection-lost",
                () -> new DataAccessResourceFailureException(
                        SQL + "An I/O error occurred while sending to the backend",
                        new SQLException("An I/O error occurred while sending to the backend", "08006")),
                "transient-resource",
                () -> new TransientDataAccessResourceException(SQL + "connection reset"),
                "query-timeout",
                () -> new QueryTimeoutException(SQL + "canceling statement due to statement timeout"),
                "recoverable",
                () -> new RecoverableDataAccessException(SQL, new SQLRecoverableException("socket closed")),
                "commit-on-a-server-shutting-down",
                () -> new TransactionSystemException(
                        "Could not commit JDBC transaction",
                        new SQLException("FATAL: terminating connection due to administrator command", "57P01")),
                "commit-on-a-closed-connection",
                () -> new TransactionSystemException(
                        "Could not commit JDBC transaction",
                        new UncategorizedSQLException(
                                "JDBC commit", "COMMIT", new SQLException("This connection has been closed", "08003"))),
                "uncategorized-lost-connection",
                () -> new UncategorizedSQLException(
                        "JDBC commit", "COMMIT", new SQLException("Connection refused", "08001")));

        static final Map<String, Supplier<RuntimeException>> NOT_OUTAGES = Map.of(
                "programming-error",
                () -> new IllegalStateException(SQL + "no member"),
                "duplicate-key",
                () -> new DuplicateKeyException(
                        SQL + "duplicate key value violates unique constraint",
                        new SQLException("duplicate key", "23505")),
                "commit-of-a-violated-constraint",
                () -> new TransactionSystemException(
                        "Could not commit JDBC transaction", new SQLException(SQL + "deferred constraint", "23503")),
                "uncategorized-internal-error",
                () -> new UncategorizedSQLException("JDBC", "SELECT secret", new SQLException("internal", "XX000")));

        @PostMapping("/api/failures/{kind}")
        void fail(@PathVariable String kind) {
            throw OUTAGES.getOrDefault(kind, NOT_OUTAGES.get(kind)).get();
        }
    }

    @RestControllerAdvice
    static class Problems extends InvalidRequestProblems {}
}
