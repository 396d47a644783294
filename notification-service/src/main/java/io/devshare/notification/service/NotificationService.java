package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;

import io.devshare.notification.MailKind;
import io.devshare.notification.events.InvitationAcceptedEvent;
import io.devshare.notification.events.InvitationCreatedEvent;
import io.devshare.notification.events.InvitationDeclinedEvent;
import io.devshare.notification.events.OrgRef;
import io.devshare.notification.events.PartnershipEndedEvent;
import io.devshare.notification.service.DeliveryRecorder.Draft;

/**
 * Decides who is told what about partnerships: finds the recipients (addresses the inviter named, else the
 * organization's contacts for that kind of mail, else its admins from Keycloak), renders the emails in the recipient
 * organization's language (its notification settings) and records one delivery per recipient, in the transaction
 * that marks the event processed. Nobody outside the event's organizations is mailed unless the inviter named the
 * address.
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

    /** One partnership mail's wording in one language, laid out by {@link Mails#partnershipHtml}. */
    private record Wording(
            String subject,
            MailText.Sentence intro,
            List<String> paragraphs,
            String quoteHeading,
            String quote,
            String next,
            String action,
            String link,
            String footer) {}

    /**
     * Invitation: one mail to each address the inviter named; when it named none (valid), to the invited
     * organization's contacts for invitations, else its admins. Either way in the invited organization's language.
     */
    public Uni<Void> invitationCreated(String eventId, OffsetDateTime eventTime, InvitationCreatedEvent event) {
        String inviterAlias = event.inviter() == null || event.inviter().alias() == null
                ? ""
                : event.inviter().alias();
        String message = event.message() == null || event.message().isBlank() ? null : event.message();
        String link = consoleBaseUrl + "/partners/invitations/" + event.invitationId();
        Set<String> named = recipients(event.notifyEmailsOrEmpty());
        boolean namedByInviter = !named.isEmpty();
        Uni<Recipients.Audience> to = namedByInviter
                ? recipients.named(event.invitee(), event.inviter(), named)
                : recipients.of(event.invitee(), MailKind.INVITATION_CREATED, eventId);
        return to.chain(audience -> recorder.record(
                eventId,
                MailKind.INVITATION_CREATED.key(),
                eventTime,
                orgs(event.inviter(), event.invitee()),
                drafts(audience, m -> {
                    String inviter = name(m, event.inviter());
                    String invitee = name(m, event.invitee());
                    String footer = namedByInviter
                            ? m.footerNamed(inviter, invitee)
                            : audience.contacts() ? m.footerContact(invitee) : m.footerAdmin(invitee);
                    return new Wording(
                            m.invitationSubject(inviter, invitee),
                            MailText.strong(b -> m.invitationIntro(b[0], inviterAlias, b[1]), inviter, invitee),
                            List.of(m.invitationPartners()),
                            m.invitationMessage(),
                            message,
                            m.invitationNext(invitee),
                            m.invitationAction(),
                            link,
                            footer);
                }),
                () -> inboxView.invitationPending(event)));
    }

    /** Accepted: the inviter learns they are now partners. */
    public Uni<Void> invitationAccepted(String eventId, OffsetDateTime eventTime, InvitationAcceptedEvent event) {
        return toInviter(
                eventId,
                eventTime,
                MailKind.INVITATION_ACCEPTED,
                event.invitationId(),
                event.inviter(),
                event.invitee(),
                (m, inviter, invitee, footer) -> new Wording(
                        m.acceptedSubject(inviter, invitee),
                        MailText.strong(b -> m.acceptedIntro(b[0]), invitee),
                        List.of(m.acceptedPartners(inviter, invitee)),
                        null,
                        null,
                        m.acceptedNext(invitee),
                        m.partnersAction(),
                        consoleBaseUrl + "/partners",
                        footer));
    }

    /** Declined: the inviter learns it, with the invitee's reason if it gave one. */
    public Uni<Void> invitationDeclined(String eventId, OffsetDateTime eventTime, InvitationDeclinedEvent event) {
        String reason = event.reason() == null || event.reason().isBlank()
                ? null
                : event.reason().strip();
        return toInviter(
                eventId,
                eventTime,
                MailKind.INVITATION_DECLINED,
                event.invitationId(),
                event.inviter(),
                event.invitee(),
                (m, inviter, invitee, footer) -> new Wording(
                        m.declinedSubject(inviter, invitee),
                        MailText.strong(b -> m.declinedIntro(b[0]), invitee),
                        List.of(),
                        m.declinedReason(),
                        reason,
                        m.declinedNext(inviter, invitee),
                        m.invitationAction(),
                        consoleBaseUrl + "/partners/invitations/" + event.invitationId(),
                        footer));
    }

    /** An answer's wording, from the two organizations' names and the inviter's footer. */
    private interface AnswerWords {
        Wording of(MailMessages m, String inviter, String invitee, String footer);
    }

    /**
     * An invitation was answered: the inviter's recipients get one mail each, and the invitation leaves the inbox's
     * pending ones — in one recorded effect.
     */
    private Uni<Void> toInviter(
            String eventId,
            OffsetDateTime eventTime,
            MailKind kind,
            UUID invitationId,
            OrgRef inviterOrg,
            OrgRef inviteeOrg,
            AnswerWords words) {
        return recipients
                .of(inviterOrg, kind, eventId)
                .chain(audience -> recorder.record(
                        eventId,
                        kind.key(),
                        eventTime,
                        orgs(inviterOrg, inviteeOrg),
                        drafts(audience, m -> {
                            String inviter = name(m, inviterOrg);
                            return words.of(m, inviter, name(m, inviteeOrg), inviterFooter(m, audience, inviter));
                        }),
                        () -> inboxView.invitationClosed(invitationId)));
    }

    /**
     * Ended: both partners learn who ended it and that every share between them was revoked, each in its own
     * language.
     */
    public Uni<Void> partnershipEnded(String eventId, OffsetDateTime eventTime, PartnershipEndedEvent event) {
        OrgRef first = event.orgs().get(0);
        OrgRef second = event.orgs().get(1);
        String link = consoleBaseUrl + "/partners";
        return recipients
                .of(first, MailKind.PARTNERSHIP_ENDED, eventId)
                .chain(firstAudience -> recipients
                        .of(second, MailKind.PARTNERSHIP_ENDED, eventId)
                        .chain(secondAudience -> {
                            List<Draft> drafts = new ArrayList<>();
                            drafts.addAll(ended(firstAudience, event.endedByOrg(), first, second, link));
                            drafts.addAll(ended(secondAudience, event.endedByOrg(), second, first, link));
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

    /** The mail to one partner: {@code org} is the recipient's organization, {@code partner} the other one. */
    private static List<Draft> ended(
            Recipients.Audience audience, OrgRef endedBy, OrgRef org, OrgRef partner, String link) {
        return drafts(audience, m -> {
            String endedByName = endedBy == null ? m.somePartner() : name(m, endedBy);
            String orgName = name(m, org);
            String partnerName = name(m, partner);
            return new Wording(
                    m.endedSubject(endedByName, orgName, partnerName),
                    MailText.strong(b -> m.endedIntro(b[0], b[1], b[2]), endedByName, orgName, partnerName),
                    List.of(m.endedShares()),
                    null,
                    null,
                    m.endedNext(),
                    m.partnersAction(),
                    link,
                    audience.contacts() ? m.footerContact(orgName) : m.footerAdmin(orgName));
        });
    }

    /** One mail per address of the audience, worded in its organization's language. */
    private static List<Draft> drafts(Recipients.Audience audience, Function<MailMessages, Wording> words) {
        if (audience.emails().isEmpty()) {
            return List.of();
        }
        MailMessages m = MailText.messages(audience.locale());
        String lang = MailText.lang(audience.locale());
        Wording w = words.apply(m);
        String subject = subject(w.subject());
        String html = Mails.partnershipHtml(
                        lang,
                        subject,
                        w.intro().html(),
                        w.paragraphs(),
                        w.quoteHeading(),
                        w.quote(),
                        w.next(),
                        w.action(),
                        w.link(),
                        w.footer())
                .render();
        String text = Mails.partnershipText(
                        lang,
                        subject,
                        w.intro().text(),
                        w.paragraphs(),
                        w.quoteHeading(),
                        w.quote(),
                        w.next(),
                        w.action(),
                        w.link(),
                        w.footer())
                .render();
        return DeliveryRecorder.drafts(audience, subject, html, text);
    }

    private static String inviterFooter(MailMessages m, Recipients.Audience audience, String inviter) {
        return audience.contacts() ? m.footerInviterContact(inviter) : m.footerInviterAdmin(inviter);
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

    /**
     * A subject on one line: control characters (CR, LF, tab, C1 controls such as NEL) and Unicode line and paragraph
     * separators become spaces; at most 200 UTF-16 units, cut between characters (never inside an emoji).
     */
    static String subject(String raw) {
        String s = raw.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}]+", " ").strip();
        if (s.length() <= 200) {
            return s;
        }
        int end = Character.isLowSurrogate(s.charAt(200)) ? 199 : 200;
        return s.substring(0, end);
    }

    /** The organization's display name (else its alias), or a neutral phrase in the mail's language. */
    private static String name(MailMessages m, OrgRef org) {
        if (org == null
                || (org.name() == null || org.name().isBlank())
                        && (org.alias() == null || org.alias().isBlank())) {
            return m.anOrganization();
        }
        return org.displayName();
    }
}
