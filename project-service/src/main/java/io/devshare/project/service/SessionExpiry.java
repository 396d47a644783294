package io.devshare.project.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import io.devshare.common.jobs.Batches;

/**
 * Closes remote sessions whose time is up (reason EXPIRED, with their events). It runs right after start-up too,
 * so sessions that ran out while the service was down are caught up.
 */
@ApplicationScoped
public class SessionExpiry {

    private static final Logger LOG = Logger.getLogger(SessionExpiry.class);
    private static final int BATCH = 200;

    private final SessionService sessions;

    @Inject
    public SessionExpiry(SessionService sessions) {
        this.sessions = sessions;
    }

    @Scheduled(
            every = "${devshare.sessions.expiry-check:10s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return Batches.retryNextTime(expireAll(), LOG, "session expiry");
    }

    public Uni<Integer> expireAll() {
        return Batches.drain(BATCH, sessions::expireDue);
    }
}
