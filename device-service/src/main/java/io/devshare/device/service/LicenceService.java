package io.devshare.device.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.db.DbClock;
import io.devshare.common.db.NativeSql;
import io.devshare.common.problem.ProblemException;
import io.devshare.device.LicencePool;
import io.devshare.device.repository.LicencePoolRepository;

/**
 * Licence pools, one per organization. An organization starts with {@code devshare.licences.starting-pool} licences
 * (default 10), stored the first time it is seen here — its first look at its licences or its first registration —
 * so that it can register devices before a platform operator has looked at it; a platform operator sets any size,
 * before or after, and that setting stays. A pool cannot be made smaller than the licences in use.
 */
@ApplicationScoped
public class LicenceService {

    static final String POOL_PKEY = "licence_pool_pkey";
    /** {@code updated_by} of a starting pool (an operator's setting records the operator's user id). */
    public static final String STARTING_POOL = "starting-pool";

    private final LicencePoolRepository pools;
    private final int startingPool;

    @Inject
    public LicenceService(
            LicencePoolRepository pools,
            @ConfigProperty(name = "devshare.licences.starting-pool", defaultValue = "10") int startingPool) {
        if (startingPool < 0 || startingPool > LicencePool.MAX_SIZE) {
            throw new IllegalArgumentException(
                    "devshare.licences.starting-pool must be between 0 and " + LicencePool.MAX_SIZE);
        }
        this.pools = pools;
        this.startingPool = startingPool;
    }

    /** The organization's own look at its pool: it is seen, so a first look stores its starting pool. */
    public Uni<LicencePool> of(String org) {
        return Panache.withSession(() -> pools.findById(org))
                .chain(found -> found != null
                        ? Uni.createFrom().item(found)
                        : Panache.withTransaction(() -> seen(org).chain(() -> pools.findById(org))));
    }

    /**
     * A platform operator's look at an organization's pool: stores nothing; an organization not seen yet shows the
     * starting pool it would get.
     */
    public Uni<LicencePool> peek(String org) {
        return Panache.withSession(() -> pools.findById(org)).map(found -> found != null ? found : starting(org));
    }

    /**
     * The organization's pool, locked for a registration (in the caller's transaction); an organization without one
     * is seen for the first time, and gets its starting pool first.
     */
    public Uni<LicencePool> lockedForRegistration(String org) {
        return pools.findById(org, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> found != null
                        ? Uni.createFrom().item(found)
                        : seen(org).chain(() -> pools.findById(org, LockModeType.PESSIMISTIC_WRITE)));
    }

    /**
     * Stores the starting pool of an organization that has none (in the caller's transaction). Two first sightings
     * at once insert one row: the second waits for the first and then leaves it as it is, as it leaves an operator's.
     */
    private Uni<Void> seen(String org) {
        return NativeSql.update(
                        "INSERT INTO licence_pool (org_alias, size, used, updated_by, updated_at)"
                                + " VALUES (:org, :size, 0, :by, now()) ON CONFLICT (org_alias) DO NOTHING",
                        "org",
                        org,
                        "size",
                        startingPool,
                        "by",
                        STARTING_POOL)
                .replaceWithVoid();
    }

    public Uni<LicencePool> set(String org, int size, String operatorId) {
        return setOnce(org, size, operatorId)
                // Two first settings at once: the loser's insert collides; it retries and updates.
                .onFailure(t -> DatabaseErrors.isUniqueViolation(t, POOL_PKEY))
                .recoverWithUni(() -> setOnce(org, size, operatorId));
    }

    private Uni<LicencePool> setOnce(String org, int size, String operatorId) {
        return Panache.withTransaction(() -> pools.findById(org, LockModeType.PESSIMISTIC_WRITE)
                .chain(found -> {
                    LicencePool pool = found;
                    if (pool == null) {
                        pool = empty(org);
                    } else if (size < pool.used) {
                        throw ProblemException.conflict(
                                "licences-in-use",
                                "The pool of '" + org + "' cannot be smaller than its " + pool.used
                                        + " licences in use; delete devices first.",
                                Map.of("size", pool.size, "used", pool.used));
                    }
                    pool.size = size;
                    pool.updatedBy = operatorId;
                    pool.updatedAt = DbClock.now();
                    return found == null
                            ? pools.persist(pool)
                            : Uni.createFrom().item(pool);
                }));
    }

    private static LicencePool empty(String org) {
        LicencePool pool = new LicencePool();
        pool.orgAlias = org;
        pool.size = 0;
        pool.used = 0;
        return pool;
    }

    private LicencePool starting(String org) {
        LicencePool pool = empty(org);
        pool.size = startingPool;
        pool.updatedBy = STARTING_POOL;
        return pool;
    }
}
