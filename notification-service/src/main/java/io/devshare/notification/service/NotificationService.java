package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DbClock;
import io.devshare.common.inbox.Inbox;
import io.devshare.notification.MailDelivery;
import io.devshare.notification.client.OrgAdminDirectory;
import io.devshare.notification.messaging.InvitationAcceptedEvent;
import io.devshare.notification.messaging.InvitationCreatedEvent;
import io.devshare.notification.messaging.InvitationDeclinedEvent;
import io.devshare.notification.messaging.OrgRef;
import io.devshare.notification.messaging.PartnershipEndedEvent;
import io.devshare.notification.repository.MailDeliveryRepository;

/**
 * Decides who is told what: finds the recipients (addresses the inviter named, or the admins of an organization
 * of the event, read from Keycloak), renders the emails and records one delivery per recipient, in the
 * transaction that marks the event processed. The {@link MailDispatcher} sends them. Nobody outside the event's
 * organizations is mailed unless the inviter named the address.
 */
@ApplicationScoped
public class NotificationService {

    static final String CONSUMER = "notification-service";
    private static final Logger LOG = Logger.getLogger(NotificationService.class);
    /** A plain address: no whitespace, no angle brackets, no separators that could smuggle a header. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"@]+@[^\\s<>,;\"@]+\\.[^\\s<>,;\"@]+");

    private final Inbox inbox;
    private final MailDeliveryRepository deliveries;
    private final MailDispatcher dispatcher;
    private final OrgAdminDirectory admins;
    private final InboxView inboxView;
    private final String consoleBaseUrl;

    @Inject
    public NotificationService(
            Inbox inbox,
            MailDeliveryRepository deliveries,
            MailDispatcher dispatcher,
            OrgAdminDirectory admins,
            InboxView inboxView,
            @ConfigProperty(name = "devshare.console.base-url") String consoleBaseUrl) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.admins = admins;
        this.inboxView = inboxView;
        this.consoleBaseUrl = consoleBaseUrl.replaceAll("/+$", "");
    }

    /**
     * Invitation: one mail to each address the inviter named; when it named none (valid), to the admins of the
     * invited organization.
     */
    public Uni<Void> invitationCreated(String eventId, InvitationCreatedEvent event) {
        String inviterName = nameOf(event.inviter());
        String inviteeName = nameOf(event.invitee());
        String inviterAlias = event.inviter() == null ? "" : event.inviter().alias();
        String link = consoleBaseUrl + "/partners/invitations/" + event.invitationId();
        String subject = subject(inviterName + " invites " + inviteeName + " to become partners on Devshare");
        List<OrgRef> orgs = orgs(event.inviter(), event.invitee());
        Set<String> named = recipients(event.notifyEmailsOrEmpty());
        boolean namedByInviter = !named.isEmpty();
        Uni<Set<String>> to = namedByInviter
                ? Uni.createFrom().item(named)
                : adminsOf(event.invitee(), "invitation.created", eventId);
        return to.chain(recipients -> {
            String html = Mails.invitationHtml(
                            inviterName, inviterAlias, inviteeName, event.message(), link, namedByInviter)
                    .render();
            String text = Mails.invitationText(
                            inviterName, inviterAlias, inviteeName, event.message(), link, namedByInviter)
                    .render();
            return record(
                    eventId,
                    "invitation.created",
                    orgs,
                    drafts(recipients, subject, html, text),
                    () -> inboxView.invitationPending(event));
        });
    }

    /** Accepted: the inviter's admins learn they are now partners. */
    public Uni<Void> invitationAccepted(String eventId, InvitationAcceptedEvent event) {
        String inviterName = nameOf(event.inviter());
        String inviteeName = nameOf(event.invitee());
        String link = consoleBaseUrl + "/partners";
        String subject =
                subject(inviteeName + " accepted the invitation from " + inviterName + ": you are now partners");
        return adminsOf(event.inviter(), "invitation.accepted", eventId).chain(recipients -> {
            String html =
                    Mails.invitationAcceptedHtml(inviterName, inviteeName, link).render();
            String text =
                    Mails.invitationAcceptedText(inviterName, inviteeName, link).render();
            return record(
                    eventId,
                    "invitation.accepted",
                    orgs(event.inviter(), event.invitee()),
                    drafts(recipients, subject, html, text),
                    () -> inboxView.invitationClosed(event.invitationId()));
        });
    }

    /** Declined: the inviter's admins learn it, with the invitee's reason if it gave one. */
    public Uni<Void> invitationDeclined(String eventId, InvitationDeclinedEvent event) {
        String inviterName = nameOf(event.inviter());
        String inviteeName = nameOf(event.invitee());
        String reason = event.reason() == null || event.reason().isBlank()
                ? null
                : event.reason().strip();
        String link = consoleBaseUrl + "/partners/invitations/" + event.invitationId();
        String subject = subject(inviteeName + " declined the partnership invitation from " + inviterName);
        return adminsOf(event.inviter(), "invitation.declined", eventId).chain(recipients -> {
            String html = Mails.invitationDeclinedHtml(inviterName, inviteeName, reason, link)
                    .render();
            String text = Mails.invitationDeclinedText(inviterName, inviteeName, reason, link)
                    .render();
            return record(
                    eventId,
                    "invitation.declined",
                    orgs(event.inviter(), event.invitee()),
                    drafts(recipients, subject, html, text),
                    () -> inboxView.invitationClosed(event.invitationId()));
        });
    }

    /** Ended: the admins of both partners learn who ended it and that every share between them was revoked. */
    public Uni<Void> partnershipEnded(String eventId, PartnershipEndedEvent event) {
        OrgRef first = event.orgs().get(0);
        OrgRef second = event.orgs().get(1);
        String endedByName = event.endedByOrg() == null ? "One of the partners" : nameOf(event.endedByOrg());
        String link = consoleBaseUrl + "/partners";
        return adminsOf(first, "partnership.ended", eventId)
                .chain(firstAdmins -> adminsOf(second, "partnership.ended", eventId)
                        .chain(secondAdmins -> {
                            List<Draft> drafts = new ArrayList<>();
                            drafts.addAll(ended(firstAdmins, endedByName, first, second, link));
                            drafts.addAll(ended(secondAdmins, endedByName, second, first, link));
                            return record(eventId, "partnership.ended", orgs(first, second), drafts);
                        }));
    }

    /** An event that mails nobody: recorded as processed all the same. */
    public Uni<Void> ignored(String eventId) {
        return record(eventId, "ignored", List.of(), List.of());
    }

    /** A cancelled or expired invitation mails nobody but leaves the invitee's pending list. */
    public Uni<Void> invitationWithdrawn(String eventId, java.util.UUID invitationId) {
        return record(eventId, "ignored", List.of(), List.of(), () -> inboxView.invitationClosed(invitationId));
    }

    private List<Draft> ended(Set<String> recipients, String endedByName, OrgRef org, OrgRef partner, String link) {
        String orgName = nameOf(org);
        String partnerName = nameOf(partner);
        String subject = subject(
                endedByName + " ended the partnership between " + orgName + " and " + partnerName + " on Devshare");
        String html = Mails.partnershipEndedHtml(endedByName, orgName, partnerName, link)
                .render();
        String text = Mails.partnershipEndedText(endedByName, orgName, partnerName, link)
                .render();
        return drafts(recipients, subject, html, text);
    }

    /** The admins' valid addresses (from Keycloak); none for an organization without id or without admins. */
    private Uni<Set<String>> adminsOf(OrgRef org, String eventType, String eventId) {
        if (org == null || !org.hasId()) {
            LOG.infof("%s %s names no organization id to mail: no mail for it", eventType, eventId);
            return Uni.createFrom().item(Set.of());
        }
        return admins.adminEmails(org.id()).map(emails -> {
            Set<String> valid = recipients(emails);
            if (valid.isEmpty()) {
                LOG.infof(
                        "organization %s (%s) has no admin with an email: no %s mail for it (event %s)",
                        org.id(), org.alias(), eventType, eventId);
            }
            return valid;
        });
    }

    /** One email to one address. */
    private record Draft(String recipient, String subject, String html, String text) {}

    private static List<Draft> drafts(Set<String> recipients, String subject, String html, String text) {
        return recipients.stream().map(r -> new Draft(r, subject, html, text)).toList();
    }

    private Uni<Void> record(String eventId, String eventType, List<OrgRef> orgs, List<Draft> drafts) {
        return record(eventId, eventType, orgs, drafts, () -> Uni.createFrom().voidItem());
    }

    /**
     * Records the event as processed, its deliveries and {@code alsoOnce} (the inbox projection) in one
     * transaction; a redelivered event does none of it again.
     */
    private Uni<Void> record(
            String eventId, String eventType, List<OrgRef> orgs, List<Draft> drafts, Supplier<Uni<Void>> alsoOnce) {
        String[] orgIds =
                orgs.stream().filter(OrgRef::hasId).map(OrgRef::id).distinct().toArray(String[]::new);
        String[] orgAliases = orgs.stream()
                .map(OrgRef::alias)
                .filter(a -> a != null && !a.isBlank())
                .distinct()
                .toArray(String[]::new);
        // One delivery per address, even if it is an admin of both organizations (unique (event_id, recipient)).
        Map<String, Draft> byRecipient = new LinkedHashMap<>();
        for (Draft d : drafts) {
            byRecipient.putIfAbsent(d.recipient(), d);
        }
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, eventId)
                        .chain(first -> {
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
                                m.orgIds = orgIds;
                                m.orgAliases = orgAliases;
                                m.recipient = d.recipient();
                                m.subject = d.subject();
                                m.htmlBody = d.html();
                                m.textBody = d.text();
                                m.status = MailDelivery.Status.PENDING;
                                m.nextAttemptAt = now;
                                m.createdAt = now;
                                mails.add(m);
                            }
                            return deliveries.persist(mails).chain(() -> alsoOnce.get());
                        }))
                .invoke(dispatcher::wake);
    }

    /** The organizations a mail concerns (both of the event), without the missing ones. */
    private static List<OrgRef> orgs(OrgRef a, OrgRef b) {
        List<OrgRef> out = new ArrayList<>();
        for (OrgRef o : new OrgRef[] {a, b}) {
            if (o != null) {
                out.add(o);
            }
        }
        return out;
    }

    /** Valid, distinct (case-insensitive) addresses; anything that could inject a header is dropped. */
    static Set<String> recipients(List<String> addresses) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : addresses) {
            if (a == null) {
                continue;
            }
            String s = a.strip();
            if (ADDRESS.matcher(s).matches()) {
                out.add(s.toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** A subject on one line: control characters (CR, LF, tab…) become spaces. */
    static String subject(String raw) {
        String s = raw.replaceAll("\\p{Cntrl}+", " ").strip();
        return s.length() > 200 ? s.substring(0, 200) : s;
    }

    private static String nameOf(OrgRef org) {
        return org == null ? "An organization" : org.displayName();
    }
}
