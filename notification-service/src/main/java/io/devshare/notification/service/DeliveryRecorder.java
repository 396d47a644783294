package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DbClock;
import io.devshare.common.inbox.Inbox;
import io.devshare.notification.MailDelivery;
import io.devshare.notification.events.OrgRef;
import io.devshare.notification.repository.MailDeliveryRepository;

/**
 * Records an event's effect exactly once: the event as processed, one delivery per recipient (unique (event id,
 * recipient)) and any projection change ({@code alsoOnce}), in one transaction; a redelivered event does none of it
 * again. The {@link MailDispatcher} sends the deliveries.
 */
@ApplicationScoped
public class DeliveryRecorder {

    static final String CONSUMER = "notification-service";

    /** One email to one address of one organization ({@code recipientOrg}, the alias whose address it is). */
    public record Draft(String recipient, String recipientOrg, String subject, String html, String text) {}

    private final Inbox inbox;
    private final MailDeliveryRepository deliveries;
    private final MailDispatcher dispatcher;

    @Inject
    public DeliveryRecorder(Inbox inbox, MailDeliveryRepository deliveries, MailDispatcher dispatcher) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
    }

    public static List<Draft> drafts(Recipients.Audience audience, String subject, String html, String text) {
        return audience.emails().stream()
                .map(r -> new Draft(r, audience.addressesOf(), subject, html, text))
                .toList();
    }

    public Uni<Void> record(
            String eventId,
            String eventType,
            OffsetDateTime eventTime,
            List<OrgRef> orgs,
            List<Draft> drafts,
            Supplier<Uni<Void>> alsoOnce) {
        return Panache.withTransaction(() -> inTransaction(eventId, eventType, eventTime, orgs, drafts, alsoOnce))
                .invoke(dispatcher::wake);
    }

    /** The same, inside the caller's transaction (the caller wakes the dispatcher after commit). */
    Uni<Void> inTransaction(
            String eventId,
            String eventType,
            OffsetDateTime eventTime,
            List<OrgRef> orgs,
            List<Draft> drafts,
            Supplier<Uni<Void>> alsoOnce) {
        String[] orgIds =
                orgs.stream().filter(OrgRef::hasId).map(OrgRef::id).distinct().toArray(String[]::new);
        String[] orgAliases = orgs.stream()
                .map(OrgRef::alias)
                .filter(a -> a != null && !a.isBlank())
                .distinct()
                .toArray(String[]::new);
        // One delivery per address, even if it is a recipient for both organizations (then it is both's).
        Map<String, Draft> byRecipient = new LinkedHashMap<>();
        Map<String, Set<String>> recipientOrgs = new LinkedHashMap<>();
        for (Draft d : drafts) {
            byRecipient.putIfAbsent(d.recipient(), d);
            Set<String> of = recipientOrgs.computeIfAbsent(d.recipient(), r -> new LinkedHashSet<>());
            if (d.recipientOrg() != null && !d.recipientOrg().isBlank()) {
                of.add(d.recipientOrg());
            }
        }
        OffsetDateTime now = DbClock.now();
        return inbox.firstDelivery(CONSUMER, eventId).chain(first -> {
            if (!first) {
                return Uni.createFrom().voidItem();
            }
            if (byRecipient.isEmpty()) {
                return alsoOnce.get();
            }
            List<MailDelivery> mails = new ArrayList<>();
            for (Draft d : byRecipient.values()) {
                MailDelivery m = new MailDelivery();
                m.id = UUID.randomUUID();
                m.eventId = eventId;
                m.eventType = eventType;
                m.eventTime = eventTime;
                m.orgIds = orgIds;
                m.orgAliases = orgAliases;
                m.recipient = d.recipient();
                m.recipientOrgs = recipientOrgs.get(d.recipient()).toArray(String[]::new);
                m.subject = d.subject();
                m.htmlBody = d.html();
                m.textBody = d.text();
                m.status = MailDelivery.Status.PENDING;
                m.nextAttemptAt = now;
                m.createdAt = now;
                mails.add(m);
            }
            return deliveries.persist(mails).chain(() -> alsoOnce.get());
        });
    }
}
