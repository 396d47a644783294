package io.devshare.partner.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.db.DbClock;
import io.devshare.common.problem.ProblemException;
import io.devshare.partner.SharingCode;
import io.devshare.partner.client.Organization;
import io.devshare.partner.repository.SharingCodeRepository;

/**
 * Personal sharing codes: one per organization, created on first use, regenerated at will (the old one stops
 * working at once). Wrong codes are throttled per calling organization.
 */
@ApplicationScoped
public class SharingCodeService {

    /** No look-alike characters (0/O, 1/I/L). 12 of 31 symbols: about 59 bits. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SharingCodeRepository codes;
    private final Callers callers;
    private final Pool pool;
    private final int maxFailures;
    private final Duration window;

    @Inject
    public SharingCodeService(
            SharingCodeRepository codes,
            Callers callers,
            Pool pool,
            @ConfigProperty(name = "devshare.sharing-codes.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "devshare.sharing-codes.failure-window", defaultValue = "PT15M") Duration window) {
        this.codes = codes;
        this.callers = callers;
        this.pool = pool;
        this.maxFailures = maxFailures;
        this.window = window;
    }

    /** The caller's code, created the first time it is asked for. */
    public Uni<SharingCode> current(String callerAlias, String userId) {
        return callers.resolve(callerAlias)
                .chain(caller -> Panache.withTransaction(() -> codes.findById(caller.id())
                                .chain(existing -> existing != null
                                        ? Uni.createFrom().item(existing)
                                        : codes.persist(fresh(caller.id(), userId))))
                        // Two first requests at once: the loser reads the winner's code.
                        .onFailure(t -> DatabaseErrors.isUniqueViolation(t, "sharing_code_pkey"))
                        .recoverWithUni(() -> Panache.withSession(() -> codes.findById(caller.id()))));
    }

    /** A new code for the caller; the previous one no longer connects anybody. */
    public Uni<SharingCode> regenerate(String callerAlias, String userId) {
        return callers.resolve(callerAlias)
                .chain(caller -> Panache.withTransaction(() -> codes.findById(caller.id())
                        .chain(existing -> {
                            if (existing == null) {
                                return codes.persist(fresh(caller.id(), userId));
                            }
                            SharingCode next = fresh(caller.id(), userId);
                            existing.code = next.code;
                            existing.createdBy = next.createdBy;
                            existing.createdAt = next.createdAt;
                            return Uni.createFrom().item(existing);
                        })));
    }

    /**
     * The id of the organization owning {@code code}. A wrong code is recorded against the caller and answered
     * 404; after too many in the window every attempt is answered 429 with Retry-After.
     */
    public Uni<String> ownerOf(Organization caller, String code) {
        String normalized = normalize(code);
        return throttle(caller)
                .chain(() ->
                        Panache.withSession(() -> codes.find("code", normalized).<SharingCode>firstResult()))
                .chain((SharingCode found) -> {
                    if (found != null) {
                        return Uni.createFrom().item(found.orgId);
                    }
                    return pool.preparedQuery("INSERT INTO connect_failure (org_id, failed_at) VALUES ($1, now())")
                            .execute(Tuple.of(caller.id()))
                            .chain(() -> Uni.createFrom().failure(invalidCode()));
                });
    }

    private Uni<Void> throttle(Organization caller) {
        return pool.preparedQuery("SELECT count(*) AS n, min(failed_at) AS oldest FROM connect_failure"
                        + " WHERE org_id = $1 AND failed_at > now() - make_interval(secs => $2)")
                .execute(Tuple.of(caller.id(), (double) window.toSeconds()))
                .map(rows -> {
                    Row row = rows.iterator().next();
                    if (row.getLong("n") >= maxFailures) {
                        OffsetDateTime retryAt = row.getOffsetDateTime("oldest").plus(window);
                        long seconds = Math.max(
                                1, Duration.between(DbClock.now(), retryAt).toSeconds() + 1);
                        throw ProblemException.tooManyRequests(
                                "Too many wrong sharing codes; try again in " + seconds + " s.", seconds);
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    /** Forgets failed attempts older than a day. */
    @io.quarkus.scheduler.Scheduled(every = "1h", delayed = "1m")
    Uni<Void> purgeFailures() {
        return pool.query("DELETE FROM connect_failure WHERE failed_at < now() - interval '1 day'")
                .execute()
                .replaceWithVoid()
                .onFailure()
                .recoverWithNull();
    }

    static ProblemException invalidCode() {
        return ProblemException.notFound("No organization has this sharing code.", Map.of());
    }

    /** Codes are read case-insensitively, ignoring spaces and dashes. */
    static String normalize(String code) {
        return code == null ? "" : code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    /** Formats as XXXX-XXXX-XXXX. */
    public static String format(String normalized) {
        return normalized.replaceAll("(.{4})(?!$)", "$1-");
    }

    private static SharingCode fresh(String orgId, String userId) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        SharingCode c = new SharingCode();
        c.orgId = orgId;
        c.code = sb.toString();
        c.createdBy = userId;
        c.createdAt = DbClock.now();
        return c;
    }
}
