package io.devshare.common.idempotency;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.common.problem.ProblemException;

/**
 * {@code Idempotency-Key} for writes that create: the first successful response to a key (per scope, e.g. the
 * caller's organization and the endpoint) is kept for a day and replayed, with {@code Idempotent-Replayed: true},
 * to a retry of the same request; the same key with a different request is a 422; a retry while the first is
 * still running is a 409. A failed request keeps nothing, so it can be retried under the same key.
 *
 * <p>The key is claimed first, in a statement of its own that commits at once (status 0, in progress), so a
 * concurrent retry is answered 409 at once, without waiting for a lock or a connection; a claim left in progress
 * longer than {@code devshare.idempotency.in-progress-timeout} is taken over. The action then runs inside one
 * transaction ({@link Panache#withTransaction}) that its own transactions join (Hibernate Reactive reuses the
 * current one: a nested one neither flushes nor commits), and the answer is written at its end in the same session
 * — the session flushed, then the claim's status and body set (or the claim deleted when the action answered a
 * status of 300 or more) — so the action's effect and the key's answer commit together: a process killed before the
 * commit leaves nothing of the action and the claim in progress until it is taken over; killed after it, the answer
 * is there and a retry replays it. If anything fails, the transaction rolls back and the claim is released. The
 * answer is written only over the claim still in progress: when a retry took a stale claim over and answered first,
 * this action rolls back and is answered 409 (a further retry replays the winner's answer).
 *
 * <p>What must commit apart from the action's effect (e.g. a count of attempts, {@link
 * io.devshare.common.limits.RateLimiter#takeCommitted}) happens before {@link #run}, not inside the action: a second
 * connection taken while the action holds its first could let concurrent requests drain the pool; a unique violation an action turns into a problem must
 * surface inside its transaction block (flush it there); a read on a connection of its own ({@code Pool}) does not
 * see the action's uncommitted writes; and what must follow the commit (e.g. a fence) belongs after {@link #run}.
 * The action holds its database connection while it runs, also during its HTTP calls.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";

    private final Pool pool;
    private final ObjectMapper mapper;
    private final Duration stale;

    @Inject
    public Idempotency(
            Pool pool,
            ObjectMapper mapper,
            @ConfigProperty(name = "devshare.idempotency.in-progress-timeout", defaultValue = "PT1M") Duration stale) {
        this.pool = pool;
        this.mapper = mapper;
        this.stale = stale;
    }

    public <T> Uni<RestResponse<T>> run(
            String scope, String key, Object request, Class<T> type, Supplier<Uni<RestResponse<T>>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > 255 || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw ProblemException.badRequest(HEADER, "1 to 255 visible ASCII characters");
        }
        String hash = hash(request);
        return reserve(scope, key, hash)
                .chain(reserved -> reserved
                        ? Panache.withTransaction(() -> Uni.createFrom()
                                        // Deferred: an action that throws before it returns a Uni fails the same way.
                                        .<RestResponse<T>>deferred(() -> action.get())
                                        .call(response -> answer(scope, key, response)))
                                .onFailure()
                                .call(() -> release(scope, key))
                        : replay(scope, key, hash, type));
    }

    /** Claims the key; false when a record exists (a stale in-progress claim is taken over). */
    private Uni<Boolean> reserve(String scope, String key, String hash) {
        return pool.preparedQuery("INSERT INTO idempotency_record (scope, key, request_hash) VALUES ($1, $2, $3)"
                        + " ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash,"
                        + " created_at = now() WHERE idempotency_record.status = 0"
                        + " AND idempotency_record.created_at < now() - make_interval(secs => $4)"
                        + " RETURNING key")
                .execute(Tuple.of(scope, key, hash, (double) stale.toSeconds()))
                .map(rows -> rows.rowCount() == 1);
    }

    private <T> Uni<RestResponse<T>> replay(String scope, String key, String hash, Class<T> type) {
        return pool.preparedQuery(
                        "SELECT request_hash, status, body FROM idempotency_record WHERE scope = $1 AND key = $2")
                .execute(Tuple.of(scope, key))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        throw inProgress();
                    }
                    Row row = rows.iterator().next();
                    if (!hash.equals(row.getString("request_hash"))) {
                        throw ProblemException.unprocessable(
                                "idempotency-key-reused",
                                "This Idempotency-Key was used for a different request; use a new key.");
                    }
                    int status = row.getInteger("status");
                    if (status == 0) {
                        throw inProgress();
                    }
                    T body = read(row.getString("body"), type);
                    return RestResponse.ResponseBuilder.<T>create(status)
                            .entity(body)
                            .header(REPLAYED, "true")
                            .build();
                });
    }

    /**
     * Writes the answer in the action's session and transaction, after flushing the action's changes: the status
     * and body of a success, or no record at all for any other answer. Only over this request's claim, still in
     * progress; otherwise (a retry took it over and answered) the action fails, so that it rolls back.
     */
    private <T> Uni<Void> answer(String scope, String key, RestResponse<T> response) {
        if (response.getStatus() >= 300) {
            return Panache.getSession()
                    .chain(session -> session.flush()
                            .chain(() -> session.createNativeQuery(
                                            "DELETE FROM idempotency_record WHERE scope = :scope AND key = :key"
                                                    + " AND status = 0")
                                    .setParameter("scope", scope)
                                    .setParameter("key", key)
                                    .executeUpdate()))
                    .replaceWithVoid();
        }
        String body;
        try {
            body = response.getEntity() == null ? null : mapper.writeValueAsString(response.getEntity());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession()
                .chain(session -> session.flush()
                        .chain(() -> session.createNativeQuery("UPDATE idempotency_record SET status = :status,"
                                        + " body = :body WHERE scope = :scope AND key = :key AND status = 0")
                                .setParameter("status", response.getStatus())
                                .setParameter("body", body)
                                .setParameter("scope", scope)
                                .setParameter("key", key)
                                .executeUpdate()))
                .invoke(updated -> {
                    if (updated != 1) {
                        throw inProgress();
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> release(String scope, String key) {
        return pool.preparedQuery("DELETE FROM idempotency_record WHERE scope = $1 AND key = $2 AND status = 0")
                .execute(Tuple.of(scope, key))
                .replaceWithVoid();
    }

    /** Records are kept for a day. */
    @Scheduled(every = "1h", delayed = "1m", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> purge() {
        return pool.query("DELETE FROM idempotency_record WHERE created_at < now() - interval '1 day'")
                .execute()
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    private <T> T read(String body, Class<T> type) {
        try {
            return body == null ? null : mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored idempotent response unreadable", e);
        }
    }

    private String hash(Object request) {
        try {
            byte[] json = mapper.writeValueAsBytes(request);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ProblemException inProgress() {
        return ProblemException.conflict(
                "idempotent-request-in-progress",
                "A request with this Idempotency-Key is still being processed; retry shortly.",
                Map.of());
    }
}
