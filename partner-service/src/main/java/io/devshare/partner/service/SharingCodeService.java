package io.devshare.partner.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.db.DbClock;
import io.devshare.common.limits.Limit;
import io.devshare.common.limits.RateLimiter;
import io.devshare.common.problem.ProblemException;
import io.devshare.partner.Organization;
import io.devshare.partner.SharingCode;
import io.devshare.partner.repository.SharingCodeRepository;

/**
 * Personal sharing codes: one per organization, created on first use, regenerated at will (the old one stops
 * working at once). Wrong codes are throttled per calling organization: every attempt is counted before the code is
 * looked up (atomically, in PostgreSQL, so concurrent attempts cannot slip past the limit together) and a good one
 * is given back.
 */
@ApplicationScoped
public class SharingCodeService {

    /** No look-alike characters (0/O, 1/I/L). 12 of 31 symbols: about 59 bits. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    private static final int LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SharingCodeRepository codes;
    private final Callers callers;
    private final RateLimiter limiter;
    private final Limit wrongCodes;

    @Inject
    public SharingCodeService(
            SharingCodeRepository codes,
            Callers callers,
            RateLimiter limiter,
            @ConfigProperty(name = "devshare.sharing-codes.max-failures", defaultValue = "5") int maxFailures,
            @ConfigProperty(name = "devshare.sharing-codes.failure-window", defaultValue = "PT15M") Duration window) {
        this.codes = codes;
        this.callers = callers;
        this.limiter = limiter;
        this.wrongCodes = new Limit("wrong-sharing-codes", maxFailures, window, "wrong sharing codes");
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
     * Counts one sharing-code attempt against the caller, in a transaction of its own that commits at once (so the
     * count stays even when the request then fails with 404). Call it before anything else of the request, outside
     * any transaction — in particular before the one an Idempotency-Key opens — so a request never holds two
     * connections at a time (concurrent guesses cannot drain the pool). Once the window holds {@code max-failures}
     * attempts every further one is answered 429 with Retry-After without looking at its code, so even a burst of
     * concurrent guesses learns nothing beyond the first few.
     */
    public Uni<Void> countAttempt(Organization caller) {
        return limiter.takeCommitted(wrongCodes, caller.id(), 1).replaceWithVoid();
    }

    /**
     * The id of the organization owning {@code code} (its attempt counted before, by {@link #countAttempt}). A good
     * code gives its attempt back in the caller's transaction (if that rolls back, the attempt stays counted); a
     * wrong one keeps it and is answered 404.
     */
    public Uni<String> ownerOf(Organization caller, String code) {
        String normalized = normalize(code);
        return Panache.withSession(() -> codes.find("code", normalized).<SharingCode>firstResult())
                .chain((SharingCode found) -> {
                    if (found == null) {
                        return Uni.createFrom().failure(invalidCode());
                    }
                    return Panache.withTransaction(() -> limiter.giveBack(wrongCodes, caller.id(), 1))
                            .replaceWith(found.orgId);
                });
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
