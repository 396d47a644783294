package io.devshare.e2e;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.devshare.testsupport.TestServers;

/**
 * The row counts of a service's own tables, read straight from its database (database, user and password are the
 * service's short name), to show that a refused request wrote nothing. Every table of the schema is counted, so a
 * new one is covered, except those listed in {@link #EXCLUDED}; a few are counted only for the fuzzing organization
 * ({@link #scopes}), because other writers touch other organizations' rows while the test runs.
 */
final class RowCounts implements AutoCloseable {

    /** Never counted: not written by the service's requests, but by its consumers of other services' events. */
    static final Map<String, Set<String>> EXCLUDED = Map.of(
            // Every service: Flyway's own table; the inbox of its event consumers.
            "*",
            Set.of("flyway_schema_history", "processed_event"),
            // A wrong sharing code is refused (404) and recorded on purpose: 5 of them in 15 minutes answer 429.
            "partner",
            Set.of("connect_failure"),
            // Projections of partner-events and device-events, written by sharing-service's consumers.
            "sharing",
            Set.of("partnership_view", "device_view", "device_group_view", "group_member_view"),
            // device_access: projection of sharing-events; device_activity, device_work: of project-events.
            "device",
            Set.of("device_access", "device_activity", "device_work"),
            // Projections of device-events (devices, field data), sharing-events (access) and device-positions.
            "project",
            Set.of("device_view", "access_view", "position_view", "field_data_file"),
            // Written by the consumers of all four topics (mails, the inbox, device names, reminders) and the mail
            // dispatcher; only notification_settings belongs to the service's own API.
            "notification",
            Set.of("mail_delivery", "pending_invitation", "device_name", "share_reminder"));

    /** The pseudo-table of Idempotency-Key claims still in progress (status 0). */
    static final String IN_PROGRESS_CLAIMS = "idempotency_record (in progress)";

    private final String database;
    private final Connection connection;
    private final String query;
    private final List<String> tables;

    RowCounts(String database, String alias, java.time.Instant since) {
        this.database = database;
        try {
            connection = DriverManager.getConnection(
                    "jdbc:postgresql://" + TestServers.get("DEVSHARE_PG_HOST") + ":"
                            + TestServers.get("DEVSHARE_PG_PORT") + "/" + database,
                    database,
                    database);
            connection.setAutoCommit(true);
            tables = new ArrayList<>();
            try (Statement s = connection.createStatement();
                    ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                            + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name")) {
                while (rs.next()) {
                    String t = rs.getString(1);
                    if (!EXCLUDED.get("*").contains(t)
                            && !EXCLUDED.get(database).contains(t)) {
                        tables.add(t);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the tables of database " + database, e);
        }
        if (!alias.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException(alias);
        }
        Map<String, String> scopes = scopes(database, alias, since);
        List<String> parts = new ArrayList<>();
        for (String t : tables) {
            String where = scopes.get(t);
            parts.add("SELECT '" + t + "', count(*) FROM " + t + (where == null ? "" : " WHERE " + where));
        }
        if (tables.contains("idempotency_record")) {
            parts.add("SELECT '" + IN_PROGRESS_CLAIMS + "', count(*) FROM idempotency_record WHERE status = 0"
                    + " AND created_at >= '" + since + "'");
        }
        query = String.join(" UNION ALL ", parts);
    }

    /**
     * Tables counted only for the fuzzing organization ({@code alias}), with why: rows of other organizations change
     * while the test runs, and a row a request of the fuzzing organization writes names it.
     */
    private static Map<String, String> scopes(String database, String alias, java.time.Instant since) {
        Map<String, String> scopes = new LinkedHashMap<>();
        // The relay deletes week-old published events, and consumers and jobs (invitation and grant expiry, revocation
        // on a partnership's end, session expiry) publish for other organizations; every event names its organizations.
        scopes.put("outbox_event", "strpos(payload, '" + alias + "') > 0");
        // Records older than a day are purged; a request's record is new. Claims still in progress (status 0) are
        // counted apart, as IN_PROGRESS_CLAIMS, so a 4xx that leaves one behind is named as such (the fuzz found it:
        // Idempotency.run did not release a key whose action threw before answering a Uni).
        scopes.put("idempotency_record", "created_at >= '" + since + "' AND status <> 0");
        if (database.equals("sharing")) {
            // The grant expiry job and the consumers of partner-events and device-events add history to any grant.
            scopes.put(
                    "grant_history",
                    "grant_id IN (SELECT id FROM share_grant WHERE owner_org = '" + alias + "' OR grantee_org = '"
                            + alias + "')");
        }
        if (database.equals("project")) {
            // Consumers (access ended, device deleted, work reported) and the session expiry job log activity.
            scopes.put("project_activity", "project_id IN (SELECT id FROM project WHERE org = '" + alias + "')");
        }
        return scopes;
    }

    List<String> tables() {
        return tables;
    }

    Map<String, Long> snapshot() {
        Map<String, Long> counts = new TreeMap<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the rows of database " + database, e);
        }
        return counts;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            // closing at the end of the run
        }
    }
}
