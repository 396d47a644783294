package io.devshare.common.db;

import java.util.List;

import org.hibernate.reactive.mutiny.Mutiny;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Native SQL in the caller's reactive session (and so its transaction), with named parameters given as pairs:
 * {@code NativeSql.update("UPDATE t SET a = :a WHERE id = :id", "a", a, "id", id)}. For the projections' upserts
 * and the queries that are plain SQL; the statements are the services' own, never built from input.
 */
public final class NativeSql {

    private NativeSql() {}

    /** Runs an INSERT, UPDATE or DELETE; answers the number of rows it changed. */
    public static Uni<Integer> update(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            Mutiny.Query<Object> q = s.createNativeQuery(sql);
            bind(q, params);
            return q.executeUpdate();
        });
    }

    /**
     * Runs a query; answers its rows: one column's value per row, or an {@code Object[]} per row of several
     * columns.
     */
    public static Uni<List<Object>> list(String sql, Object... params) {
        return Panache.getSession().chain(s -> {
            Mutiny.Query<Object> q = s.createNativeQuery(sql);
            bind(q, params);
            return q.getResultList();
        });
    }

    private static void bind(Mutiny.AbstractQuery q, Object... params) {
        if (params.length % 2 != 0) {
            throw new IllegalArgumentException("parameters come in name, value pairs");
        }
        for (int i = 0; i < params.length; i += 2) {
            q.setParameter((String) params[i], params[i + 1]);
        }
    }
}
