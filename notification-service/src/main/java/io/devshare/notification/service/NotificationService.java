package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.inbox.Inbox;
import io.devshare.notification.MailDelivery;
import io.devshare.notification.messaging.InvitationCreatedEvent;
import io.devshare.notification.repository.MailDeliveryRepository;

/**
 * Decides who is told what: renders the emails of an event and records one delivery per recipient, in the
 * transaction that marks the event processed. The {@link MailDispatcher} sends them.
 */
@ApplicationScoped
public class NotificationService {

    static final String CONSUMER = "notification-service";
    /** A plain address: no whitespace, no angle brackets, no separators that could smuggle a header. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s<>,;\"@]+@[^\\s<>,;\"@]+\\.[^\\s<>,;\"@]+");

    private final Inbox inbox;
    private final MailDeliveryRepository deliveries;
    private final MailDispatcher dispatcher;
    private final String consoleBaseUrl;

    @Inject
    public NotificationService(
            Inbox inbox,
            MailDeliveryRepository deliveries,
            MailDispatcher dispatcher,
            @ConfigProperty(name = "devshare.console.base-url") String consoleBaseUrl) {
        this.inbox = inbox;
        this.deliveries = deliveries;
        this.dispatcher = dispatcher;
        this.consoleBaseUrl = consoleBaseUrl.replaceAll("/+$", "");
    }

    /** Invitation: one mail to each address the inviter named. */
    public Uni<Void> invitationCreated(String eventId, InvitationCreatedEvent event) {
        String inviterName = nameOf(event.inviter());
        String inviteeName = nameOf(event.invitee());
        String inviterAlias = event.inviter() == null ? "" : event.inviter().alias();
        String link = consoleBaseUrl + "/partners/invitations/" + event.invitationId();
        String subject = subject(inviterName + " invites " + inviteeName + " to become partners on Devshare");
        String html = Mails.invitationHtml(inviterName, inviterAlias, inviteeName, event.message(), link)
                .render();
        String text = Mails.invitationText(inviterName, inviterAlias, inviteeName, event.message(), link)
                .render();
        List<String> orgIds = new ArrayList<>();
        if (event.inviter() != null && event.inviter().id() != null) {
            orgIds.add(event.inviter().id());
        }
        if (event.invitee() != null && event.invitee().id() != null) {
            orgIds.add(event.invitee().id());
        }
        return record(
                eventId, "invitation.created", orgIds, recipients(event.notifyEmailsOrEmpty()), subject, html, text);
    }

    private Uni<Void> record(
            String eventId,
            String eventType,
            List<String> orgIds,
            Set<String> recipients,
            String subject,
            String html,
            String text) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> inbox.firstDelivery(CONSUMER, eventId)
                        .chain(first -> {
                            if (!first || recipients.isEmpty()) {
                                return Uni.createFrom().voidItem();
                            }
                            List<MailDelivery> mails = new ArrayList<>();
                            for (String recipient : recipients) {
                                MailDelivery m = new MailDelivery();
                                m.id = UUID.randomUUID();
                                m.eventId = eventId;
                                m.eventType = eventType;
                                m.orgIds = orgIds.toArray(String[]::new);
                                m.recipient = recipient;
                                m.subject = subject;
                                m.htmlBody = html;
                                m.textBody = text;
                                m.status = MailDelivery.Status.PENDING;
                                m.nextAttemptAt = now;
                                m.createdAt = now;
                                mails.add(m);
                            }
                            return deliveries.persist(mails);
                        }))
                .invoke(dispatcher::wake);
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

    private static String nameOf(InvitationCreatedEvent.Org org) {
        if (org == null) {
            return "An organization";
        }
        if (org.name() != null && !org.name().isBlank()) {
            return org.name();
        }
        return org.alias() == null ? "An organization" : org.alias();
    }
}
