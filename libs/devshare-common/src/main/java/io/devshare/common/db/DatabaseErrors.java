package io.devshare.common.db;

import org.hibernate.JDBCException;

import io.vertx.pgclient.PgException;

/** Recognizes database failures a service turns into a problem response (e.g. 409 on a unique violation). */
public final class DatabaseErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private DatabaseErrors() {}

    /** Whether {@code t} (or a cause) is a violation of the unique constraint or index {@code constraint}. */
    public static boolean isUniqueViolation(Throwable t, String constraint) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof PgException pg && UNIQUE_VIOLATION.equals(pg.getSqlState())) {
                return constraint.equals(pg.getConstraint())
                        || String.valueOf(pg.getErrorMessage()).contains(constraint);
            }
            if (c instanceof JDBCException jdbc && UNIQUE_VIOLATION.equals(jdbc.getSQLState())) {
                return String.valueOf(jdbc.getMessage()).contains("\"" + constraint + "\"");
            }
        }
        return false;
    }
}
