package io.devshare.common.events;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;

import org.apache.kafka.common.errors.RetriableException;

import io.smallrye.mutiny.CompositeException;
import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;

/**
 * Tells an infrastructure failure (a database, broker or Keycloak that is down, restarting, overloaded or cut off:
 * retry until it passes) from a failure caused by the record itself (retrying changes nothing: set it aside).
 */
public final class Failures {

    /**
     * SQLSTATE classes that say the server or the connection failed, not the statement: connection exception,
     * insufficient resources, operator intervention (shutdown, starting up), system error, transaction rollback
     * (serialization failure, deadlock), object not in prerequisite state (lock not available).
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53", "57", "58", "40", "55");

    private Failures() {}

    /** Whether {@code failure} (or any cause) is an infrastructure failure that a later attempt may not meet. */
    public static boolean isInfrastructure(Throwable failure) {
        return isInfrastructure(failure, 0);
    }

    private static boolean isInfrastructure(Throwable failure, int depth) {
        for (Throwable c = failure; c != null && depth < 32; c = c.getCause(), depth++) {
            if (c instanceof MalformedEventException) {
                return false;
            }
            String state = sqlState(c);
            if (state != null) {
                return state.length() == 5 && TRANSIENT_SQL_CLASSES.contains(state.substring(0, 2));
            }
            if (c instanceof CompositeException composite) {
                for (Throwable inner : composite.getCauses()) {
                    if (isInfrastructure(inner, depth + 1)) {
                        return true;
                    }
                }
            }
            if (c instanceof IOException
                    || c instanceof java.util.concurrent.TimeoutException
                    || c instanceof io.smallrye.mutiny.TimeoutException
                    || c instanceof RetriableException
                    || c instanceof ProcessingException
                    || c instanceof java.sql.SQLTransientException
                    || c instanceof java.sql.SQLRecoverableException) {
                return true;
            }
            if (c instanceof WebApplicationException web) {
                int status = web.getResponse() != null ? web.getResponse().getStatus() : 500;
                return status >= 500 || status == 408 || status == 429 || status == 401 || status == 403;
            }
            if (c instanceof VertxException && mentionsConnection(c)) {
                return true;
            }
            String name = c.getClass().getName();
            if (name.contains("Oidc") || name.endsWith("ClosedConnectionException")) {
                return true;
            }
            // A client library's own failure that talks of its connection (a pool timeout, a closed connection); never
            // a service's exception, whose message may well say "connection" for other reasons.
            if ((name.startsWith("io.vertx.") || name.startsWith("io.netty.") || name.startsWith("org.hibernate."))
                    && mentionsConnection(c)) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE a database failure carries (the reactive client's, or JDBC's as Hibernate wraps it), or null. */
    private static String sqlState(Throwable t) {
        if (t instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    private static boolean mentionsConnection(Throwable t) {
        String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
        return message.contains("connection") || message.contains("timed out") || message.contains("timeout");
    }

    /** A short description of the failure for the dead-letter reason: the innermost message that says something. */
    public static String describe(Throwable failure) {
        String description = failure.toString();
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof PgException pg) {
                return "database refused it: " + pg.getErrorMessage() + " (SQLSTATE " + pg.getSqlState() + ")";
            }
            if (c instanceof SQLException sql && sql.getSQLState() != null) {
                String message = String.valueOf(sql.getMessage()).replaceFirst("^ERROR: ", "");
                return "database refused it: " + message.replace(" (" + sql.getSQLState() + ")", "") + " (SQLSTATE "
                        + sql.getSQLState() + ")";
            }
            if (c.getMessage() != null) {
                description = c.getClass().getSimpleName() + ": " + c.getMessage();
            }
        }
        return description.length() > 500 ? description.substring(0, 500) : description;
    }
}
