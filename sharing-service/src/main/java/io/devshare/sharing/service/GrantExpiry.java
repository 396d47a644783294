package io.devshare.sharing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import io.devshare.common.jobs.Batches;

/**
 * Ends grants whose rental period is over (events → mail and unassignment elsewhere). It runs right after
 * start-up too, so periods that ended while the service was down are caught up.
 */
@ApplicationScoped
public class GrantExpiry {

    private static final Logger LOG = Logger.getLogger(GrantExpiry.class);
    private static final int BATCH = 200;

    private final GrantService grants;

    @Inject
    public GrantExpiry(GrantService grants) {
        this.grants = grants;
    }

    @Scheduled(
            every = "${devshare.grants.expiry-check:10s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return Batches.retryNextTime(expireAll(), LOG, "grant expiry");
    }

    public Uni<Integer> expireAll() {
        return Batches.drain(BATCH, grants::expireDue);
    }
}
