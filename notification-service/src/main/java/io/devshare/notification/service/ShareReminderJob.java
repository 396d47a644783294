package io.devshare.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Sends the due share reminders every {@code devshare.reminders.check-interval} (and so catches up after downtime);
 * a reminder that fails (Keycloak unreachable…) stays due and is tried again on the next run.
 */
@ApplicationScoped
public class ShareReminderJob {

    private static final Logger LOG = Logger.getLogger(ShareReminderJob.class);

    private final ShareReminders reminders;
    private final ShareNotifications notifications;

    @Inject
    public ShareReminderJob(ShareReminders reminders, ShareNotifications notifications) {
        this.reminders = reminders;
        this.notifications = notifications;
    }

    @Scheduled(
            every = "${devshare.reminders.check-interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> run() {
        return reminders
                .due()
                .chain(due -> Multi.createFrom()
                        .iterable(due)
                        .onItem()
                        .transformToUniAndConcatenate(d -> notifications
                                .ending(d)
                                .onFailure()
                                .invoke(t -> LOG.warnf(
                                        "share reminder %s not sent yet, the next run retries: %s", d.eventId(), t))
                                .onFailure()
                                .recoverWithNull())
                        .collect()
                        .last())
                .replaceWithVoid()
                .onFailure()
                .invoke(t -> LOG.warnf("share reminder run failed, the next run retries: %s", t.toString()))
                .onFailure()
                .recoverWithNull();
    }
}
