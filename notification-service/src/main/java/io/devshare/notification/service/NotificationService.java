package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

import io.devshare.notification.MailKind;
import io.devshare.notification.messaging.InvitationAcceptedEvent;
import io.devshare.notification.messaging.InvitationCreatedEvent;
import io.devshare.notification.messaging.InvitationDeclinedEvent;
import io.devshare.notification.messaging.OrgRef;
import io.devshare.notification.messaging.PartnershipEndedEvent;
import io.devshare.notification.service.DeliveryRecorder.Draft;

/**
 * Decides who is told what about partnerships: finds the recipients (addresses the inviter named, else the
 * organization's contacts for that kind of mail, else its admins from Keycloak), renders the emails and records one
 * delivery per recipient, in the transaction that marks the event processed. Nobody outside the event's
 * organizations is mailed unless the inviter named the address.
 */
@ApplicationScoped
public class NotificationService {

    static final String CONSUMER = DeliveryRecorder.CONSUMER;

    private final DeliveryRecorder recorder;
    private final Recipients recipients;
    private final InboxView inboxView;
    private final String consoleBaseUrl;

    @Inject
    public NotificationService(
            DeliveryRecorder recorder,
            Recipients recipients,
            InboxView inboxView,
            @ConfigProperty(name = "devshare.console.base-url") String consoleBaseUrl) {
        this.recorder = recorder;
        this.recipients = recipients;
        this.inboxView = inboxView;
        this.consoleBaseUrl = consoleBaseUrl.replaceAll("/+$", "");
    }

    /**
     * Invitation: one mail to each address the inviter named; when it named none (valid), to the invited
     * organization's contacts for invitations, else its admins.
     */
    public Uni<Void> invitationCreated(String eventId, OffsetDateTime eventTime, InvitationCreatedEvent event) {
        String inviterName = nameOf(event.inviter());
        String inviteeName = nameOf(event.invitee());
        String inviterAlias = event.inviter() == null ? "" : event.inviter().alias();
        String link = consoleBaseUrl + "/partners/invitations/" + event.invitationId();
        String subject = subject(inviterName + " invites " + inviteeName + " to become partners on Devshare");
        Set<String> named = recipients(event.notifyEmailsOrEmpty());
        boolean namedByInviter = !named.isEmpty();
        Uni<Recipients.Audience> to = namedByInviter
                ? Uni.createFrom().item(new Recipients.Audience(event.invitee(), named, null, false))
                : recipients.of(event.invitee(), MailKind.INVITATION_CREATED, eventId);
        return to.chain(audience -> {
            String html = Mails.invitationHtml(
                            inviterName,
                            inviterAlias,
                            inviteeName,
                            event.message(),
                            link,
                            namedByInviter,
                            audience.contacts())
                    .render();
            String text = Mails.invitationText(
                            inviterName,
                            inviterAlias,
                            inviteeName,
                            event.message(),
                            link,
                            namedByInviter,
                            audience.contacts())
                    .render();
            return recorder.record(
                    eventId,
                    MailKind.INVITATION_CREATED.key(),
                    eventTime,
                    orgs(event.inviter(), event.invitee()),
                    DeliveryRecorder.drafts(audience.emails(), subject, html, text),
                    () -> inboxView.invitationPending(event));
        });
    }

    /** Accepted: the inviter learns they are now partners. */
    public Uni<Void> invitationAccepted(String eventId, OffsetDateTime eventTime, InvitationAcceptedEvent event) {
        String inviterName = nameOf(event.inviter());
        String inviteeName = nameOf(event.invitee());
        String link = consoleBaseUrl + "/partners";
        String subject =
                subject(inviteeName + " accepted the invitation from " + inviterName + ": you are now partners");
        return recipients
                .of(event.inviter(), MailKind.INVITATION_ACCEPTED, eventId)
                .chain(audience -> {
                    String html = Mails.invitationAcceptedHtml(inviterName, inviteeName, link, audience.contacts())
                            .render();
                    String text = Mails.invitationAcceptedText(inviterName, inviteeName, link, audience.contacts())
                            .render();
                    return recorder.record(
                            eventId,
                            MailKind.INVITATION_ACCEPTED.key(),
                            eventTime,
                            orgs(event.inviter(), event.invitee()),
                            DeliveryRecorder.drafts(audience.emails(), subject, html, text),
                            () -> inboxView.invitationClosed(event.invitationId()));
                });
    }

    /** Declined: the inviter learns it, with the invitee's reason if it gave one. */
    public Uni<Void> invitationDeclined(String eventId, OffsetDateTime eventTime, InvitationDeclinedEvent event) {
        String inviterName = nameOf(event.inviter());
        String inviteeName = nameOf(event.invitee());
        String reason = event.reason() == null || event.reason().isBlank()
                ? null
                : event.reason().strip();
        String link = consoleBaseUrl + "/partners/invitations/" + event.invitationId();
        String subject = subject(inviteeName + " declined the partnership invitation from " + inviterName);
        return recipients
                .of(event.inviter(), MailKind.INVITATION_DECLINED, eventId)
                .chain(audience -> {
                    String html = Mails.invitationDeclinedHtml(
                                    inviterName, inviteeName, reason, link, audience.contacts())
                            .render();
                    String text = Mails.invitationDeclinedText(
                                    inviterName, inviteeName, reason, link, audience.contacts())
                            .render();
                    return recorder.record(
                            eventId,
                            MailKind.INVITATION_DECLINED.key(),
                            eventTime,
                            orgs(event.inviter(), event.invitee()),
                            DeliveryRecorder.drafts(audience.emails(), subject, html, text),
                            () -> inboxView.invitationClosed(event.invitationId()));
                });
    }

    /** Ended: both partners learn who ended it and that every share between them was revoked. */
    public Uni<Void> partnershipEnded(String eventId, OffsetDateTime eventTime, PartnershipEndedEvent event) {
        OrgRef first = event.orgs().get(0);
        OrgRef second = event.orgs().get(1);
        String endedByName = event.endedByOrg() == null ? "One of the partners" : nameOf(event.endedByOrg());
        String link = consoleBaseUrl + "/partners";
        return recipients
                .of(first, MailKind.PARTNERSHIP_ENDED, eventId)
                .chain(firstAudience -> recipients
                        .of(second, MailKind.PARTNERSHIP_ENDED, eventId)
                        .chain(secondAudience -> {
                            List<Draft> drafts = new ArrayList<>();
                            drafts.addAll(ended(firstAudience, endedByName, first, second, link));
                            drafts.addAll(ended(secondAudience, endedByName, second, first, link));
                            return recorder.record(
                                    eventId,
                                    MailKind.PARTNERSHIP_ENDED.key(),
                                    eventTime,
                                    orgs(first, second),
                                    drafts,
                                    () -> Uni.createFrom().voidItem());
                        }));
    }

    /** An event that mails nobody: recorded as processed all the same. */
    public Uni<Void> ignored(String eventId) {
        return recorder.record(
                eventId,
                "ignored",
                null,
                List.of(),
                List.of(),
                () -> Uni.createFrom().voidItem());
    }

    /** A cancelled or expired invitation mails nobody but leaves the invitee's pending list. */
    public Uni<Void> invitationWithdrawn(String eventId, java.util.UUID invitationId) {
        return recorder.record(
                eventId, "ignored", null, List.of(), List.of(), () -> inboxView.invitationClosed(invitationId));
    }

    private List<Draft> ended(
            Recipients.Audience audience, String endedByName, OrgRef org, OrgRef partner, String link) {
        String orgName = nameOf(org);
        String partnerName = nameOf(partner);
        String subject = subject(
                endedByName + " ended the partnership between " + orgName + " and " + partnerName + " on Devshare");
        String html = Mails.partnershipEndedHtml(endedByName, orgName, partnerName, link, audience.contacts())
                .render();
        String text = Mails.partnershipEndedText(endedByName, orgName, partnerName, link, audience.contacts())
                .render();
        return DeliveryRecorder.drafts(audience.emails(), subject, html, text);
    }

    /** The organizations a mail concerns (both of the event), without the missing ones. */
    static List<OrgRef> orgs(OrgRef a, OrgRef b) {
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
        return Recipients.valid(addresses);
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
