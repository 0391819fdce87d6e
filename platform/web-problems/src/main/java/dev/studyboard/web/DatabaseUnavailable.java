package dev.studyboard.web;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.dao.UncategorizedDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Graceful degradation: the failures that mean a service's database cannot be reached right now (restarting,
 * crashed, no connection free in time), so the request could not be completed and may succeed if sent again: an honest
 * 503, not a 500. Spring's own exception hierarchy says so by type; only what Spring could not classify (a commit
 * or rollback that failed, an uncategorized error) is recognized by its causes: a lost JDBC connection, SQL state
 * class 08, or PostgreSQL shutting down or starting up (57P01..57P03). Anything else is not an outage.
 */
final class DatabaseUnavailable {

    /** Spring's translation of a connection that failed or was refused, of a pool with none free, of a timeout. */
    private static final List<Class<? extends Exception>> BY_TYPE = List.of(
            CannotCreateTransactionException.class, // no connection to begin the transaction with
            DataAccessResourceFailureException.class, // incl. CannotGetJdbcConnectionException; SQL state 08, 53, 57
            TransientDataAccessResourceException.class,
            QueryTimeoutException.class,
            RecoverableDataAccessException.class);
    // Not ConcurrencyFailureException, though transient too: a conflict with another request, not an outage.

    /** admin_shutdown, crash_shutdown, cannot_connect_now (starting up or recovering). */
    private static final Set<String> SHUTTING_DOWN = Set.of("57P01", "57P02", "57P03");

    private DatabaseUnavailable() {}

    static boolean recognizes(Throwable failure) {
        if (BY_TYPE.stream().anyMatch(type -> type.isInstance(failure))) {
            return true;
        }
        if (failure instanceof TransactionSystemException transaction
                && transaction.getApplicationException() != null
                && recognizes(transaction.getApplicationException())) {
            return true; // the rollback after an outage failed too, and hid it
        }
        if (failure instanceof TransactionSystemException || failure instanceof UncategorizedDataAccessException) {
            return causes(failure).anyMatch(DatabaseUnavailable::lostConnection);
        }
        return false;
    }

    private static boolean lostConnection(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException // e.g. Hikari: no connection within its timeout
                || cause instanceof SQLNonTransientConnectionException
                || cause instanceof SQLRecoverableException) {
            return true;
        }
        return cause instanceof SQLException sql
                && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || SHUTTING_DOWN.contains(sql.getSQLState()));
    }

    private static Stream<Throwable> causes(Throwable failure) {
        return Stream.iterate(failure.getCause(), Objects::nonNull, Throwable::getCause)
                .limit(16); // a cause chain may loop
    }
}
