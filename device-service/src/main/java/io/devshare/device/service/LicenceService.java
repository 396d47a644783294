package io.devshare.device.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DatabaseErrors;
import io.devshare.common.db.DbClock;
import io.devshare.common.problem.ProblemException;
import io.devshare.device.LicencePool;
import io.devshare.device.repository.LicencePoolRepository;

/**
 * Licence pools: set by a platform operator per organization; an organization without a pool has none (size 0).
 * A pool cannot be made smaller than the licences in use.
 */
@ApplicationScoped
public class LicenceService {

    static final String POOL_PKEY = "licence_pool_pkey";

    private final LicencePoolRepository pools;

    @Inject
    public LicenceService(LicencePoolRepository pools) {
        this.pools = pools;
    }

    public Uni<LicencePool> of(String org) {
        return Panache.withSession(() -> pools.findById(org)).map(found -> found != null ? found : empty(org));
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
}
