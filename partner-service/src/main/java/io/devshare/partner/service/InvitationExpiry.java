package io.devshare.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

import io.devshare.common.jobs.Batches;

/**
 * Closes invitations whose time ran out and publishes {@code invitation.expired}. Runs shortly after start-up too,
 * so invitations that expired while the service was down are caught up.
 */
@ApplicationScoped
public class InvitationExpiry {

    private static final Logger LOG = Logger.getLogger(InvitationExpiry.class);
    private static final int BATCH = 100;

    private final InvitationService invitations;

    @Inject
    public InvitationExpiry(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Scheduled(
            every = "${devshare.invitations.expiry-check:1m}",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return Batches.retryNextTime(expireAll(), LOG, "invitation expiry");
    }

    /** Expires every due invitation, a batch at a time; answers how many. */
    public Uni<Integer> expireAll() {
        return Batches.drain(BATCH, invitations::expireDue);
    }
}
