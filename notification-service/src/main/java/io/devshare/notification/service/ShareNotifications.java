package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DbClock;
import io.devshare.notification.MailKind;
import io.devshare.notification.client.OrganizationDirectory;
import io.devshare.notification.events.AccessChangedEvent;
import io.devshare.notification.events.OrgRef;
import io.devshare.notification.events.ShareEvent;
import io.devshare.notification.events.TransferFailedEvent;
import io.devshare.notification.service.DeliveryRecorder.Draft;

/**
 * The sharing and project mails: devices shared (to the grantee), share revoked or expired (to both), left (to the
 * owner), ending soon (to both, from {@link ShareReminders}) and design delivery failed (to the project
 * organization). Organizations come by alias and are looked up in Keycloak for their name and admins; each
 * organization's mail is written in its own language and names both organizations, what happened and a link.
 *
 * <p>A share revoked because the partnership ended ({@code PARTNERSHIP_ENDED}) is not mailed: the partnership-ended
 * mail already tells both organizations that every share between them was revoked.
 */
@ApplicationScoped
public class ShareNotifications {

    private final DeliveryRecorder recorder;
    private final Recipients recipients;
    private final OrganizationDirectory organizations;
    private final DeviceNames deviceNames;
    private final ShareReminders reminders;
    private final MailDispatcher dispatcher;
    private final String consoleBaseUrl;

    @Inject
    public ShareNotifications(
            DeliveryRecorder recorder,
            Recipients recipients,
            OrganizationDirectory organizations,
            DeviceNames deviceNames,
            ShareReminders reminders,
            MailDispatcher dispatcher,
            @ConfigProperty(name = "devshare.console.base-url") String consoleBaseUrl) {
        this.recorder = recorder;
        this.recipients = recipients;
        this.organizations = organizations;
        this.deviceNames = deviceNames;
        this.reminders = reminders;
        this.dispatcher = dispatcher;
        this.consoleBaseUrl = consoleBaseUrl.replaceAll("/+$", "");
    }

    /** The two organizations of a share, their device names. */
    private record Share(OrgRef owner, OrgRef grantee, List<String> devices) {}

    /** The mail for one organization of a share: its sentences, in that organization's language. */
    private record Wording(String subject, String intro, String detail, String action, String link) {}

    private interface Words {
        Wording of(MailMessages m, Share share, String devices, Locale locale);
    }

    public Uni<Void> granted(String eventId, OffsetDateTime eventTime, ShareEvent e) {
        OffsetDateTime at = at(e.occurredAt(), eventTime);
        return share(e.ownerOrg(), e.granteeOrg(), e.deviceIds(), e.namesGiven())
                .chain(share -> recipients
                        .of(share.grantee(), MailKind.SHARE_GRANTED, eventId)
                        .chain(audience -> recorder.record(
                                eventId,
                                MailKind.SHARE_GRANTED.key(),
                                eventTime,
                                List.of(share.owner(), share.grantee()),
                                drafts(
                                        audience,
                                        share,
                                        e.role(),
                                        e.startsAt(),
                                        e.endsAt(),
                                        (m, s, devices, l) -> new Wording(
                                                m.grantedSubject(name(s.owner()), name(s.grantee()), devices),
                                                m.grantedIntro(
                                                        name(s.owner()),
                                                        name(s.grantee()),
                                                        devices,
                                                        s.devices().size()),
                                                null,
                                                m.grantedAction(
                                                        name(s.grantee()),
                                                        s.devices().size()),
                                                consoleBaseUrl + "/sharing/incoming")),
                                () -> reminders.granted(e, at))));
    }

    public Uni<Void> revoked(String eventId, OffsetDateTime eventTime, ShareEvent e) {
        OffsetDateTime at = at(e.occurredAt(), eventTime);
        Supplier<Uni<Void>> cancel = () -> reminders.revoked(e, at);
        String reason = e.reason() == null ? "MANUAL" : e.reason();
        if ("PARTNERSHIP_ENDED".equals(reason)) {
            return recorder.record(eventId, "ignored", eventTime, List.of(), List.of(), cancel);
        }
        MailKind kind = switch (reason) {
            case "EXPIRED" -> MailKind.SHARE_EXPIRED;
            case "LEFT" -> MailKind.SHARE_LEFT;
            default -> MailKind.SHARE_REVOKED;
        };
        Words words = (m, s, devices, l) -> {
            String owner = name(s.owner());
            String grantee = name(s.grantee());
            int count = s.devices().size();
            return switch (kind) {
                case SHARE_EXPIRED ->
                    new Wording(
                            m.expiredSubject(owner, grantee, devices),
                            m.expiredIntro(owner, grantee, devices, count),
                            null,
                            m.sharesAction(owner),
                            null);
                case SHARE_LEFT ->
                    new Wording(
                            m.leftSubject(owner, grantee, devices),
                            m.leftIntro(owner, grantee, devices, count),
                            null,
                            m.sharesAction(owner),
                            null);
                default ->
                    new Wording(
                            m.revokedSubject(owner, grantee, devices),
                            m.revokedIntro(owner, grantee, devices, count),
                            switch (reason) {
                                case "DEVICE_DELETED" -> m.revokedDeviceDeleted(owner);
                                case "GROUP_DELETED" -> m.revokedGroupDeleted(owner);
                                default -> null;
                            },
                            m.sharesAction(owner),
                            null);
            };
        };
        return share(e.ownerOrg(), e.granteeOrg(), e.deviceIds(), e.namesGiven())
                .chain(share -> {
                    Uni<Recipients.Audience> owner = recipients.of(share.owner(), kind, eventId);
                    Uni<Recipients.Audience> grantee = kind == MailKind.SHARE_LEFT
                            ? Uni.createFrom().nullItem()
                            : recipients.of(share.grantee(), kind, eventId);
                    return owner.chain(o -> grantee.chain(g -> {
                        List<Draft> drafts = new ArrayList<>();
                        drafts.addAll(drafts(o, share, e.role(), e.startsAt(), e.endsAt(), sides(words, true)));
                        if (g != null) {
                            drafts.addAll(drafts(g, share, e.role(), e.startsAt(), e.endsAt(), sides(words, false)));
                        }
                        return recorder.record(
                                eventId,
                                kind.key(),
                                eventTime,
                                List.of(share.owner(), share.grantee()),
                                drafts,
                                cancel);
                    }));
                });
    }

    /** No mail: keeps the grant's end reminder current (recorded once per event like every effect). */
    public Uni<Void> accessUpdated(String eventId, OffsetDateTime eventTime, AccessChangedEvent e) {
        OffsetDateTime at = at(e.occurredAt(), eventTime);
        return recorder.record(eventId, "ignored", eventTime, List.of(), List.of(), () -> reminders.updated(e, at));
    }

    /** A due reminder: both organizations are told the share ends soon; sent once, in one transaction. */
    Uni<Void> ending(ShareReminders.Due due) {
        return share(due.ownerOrg(), due.granteeOrg(), due.deviceIds(), Map.of())
                .chain(share -> recipients
                        .of(share.owner(), MailKind.SHARE_ENDING, due.eventId())
                        .chain(o -> recipients
                                .of(share.grantee(), MailKind.SHARE_ENDING, due.eventId())
                                .chain(g -> {
                                    Words words = (m, s, devices, l) -> new Wording(
                                            m.endingSubject(
                                                    name(s.owner()), name(s.grantee()), devices, date(due.endsAt(), l)),
                                            m.endingIntro(
                                                    name(s.owner()),
                                                    name(s.grantee()),
                                                    devices,
                                                    date(due.endsAt(), l),
                                                    s.devices().size()),
                                            null,
                                            m.sharesAction(name(s.owner())),
                                            null);
                                    List<Draft> drafts = new ArrayList<>();
                                    drafts.addAll(drafts(o, share, due.role(), null, due.endsAt(), sides(words, true)));
                                    drafts.addAll(
                                            drafts(g, share, due.role(), null, due.endsAt(), sides(words, false)));
                                    return Panache.withTransaction(() -> ShareReminders.markSent(due)
                                                    .chain(stillDue -> stillDue == 0
                                                            ? Uni.createFrom().voidItem()
                                                            : recorder.inTransaction(
                                                                    due.eventId(),
                                                                    MailKind.SHARE_ENDING.key(),
                                                                    DbClock.now(),
                                                                    List.of(share.owner(), share.grantee()),
                                                                    drafts,
                                                                    () -> Uni.createFrom()
                                                                            .voidItem())))
                                            .invoke(dispatcher::wake);
                                })));
    }

    /** transfer.failed: the project organization's contacts (else admins) learn the design did not arrive. */
    public Uni<Void> transferFailed(String eventId, OffsetDateTime eventTime, TransferFailedEvent e) {
        Uni<List<String>> device = e.deviceName() != null && !e.deviceName().isBlank()
                ? Uni.createFrom().item(List.of(e.deviceName().strip()))
                : e.deviceId() == null
                        ? Uni.createFrom().item(List.of("-"))
                        : deviceNames.namesOf(List.of(e.deviceId()));
        return organizations
                .byAlias(e.org())
                .chain(org -> organizations
                        .byAlias(e.ownerOrg())
                        .chain(owner -> device.chain(names -> recipients
                                .of(org, MailKind.TRANSFER_FAILED, eventId)
                                .chain(audience -> {
                                    MailMessages m = messages(audience.locale());
                                    String lang = lang(audience.locale());
                                    String project = e.projectName() != null
                                                    && !e.projectName().isBlank()
                                            ? e.projectName()
                                            : e.projectId().toString();
                                    String filename = e.filename() == null ? "-" : e.filename();
                                    String deviceName = names.get(0);
                                    String subject = NotificationService.subject(
                                            m.transferFailedSubject(filename, deviceName, project));
                                    String intro = m.transferFailedIntro(
                                            filename, project, name(org), deviceName, name(owner));
                                    String detail =
                                            e.message() == null || e.message().isBlank()
                                                    ? null
                                                    : m.transferFailedMessage(
                                                            e.message().strip());
                                    String link = consoleBaseUrl + "/projects/" + e.projectId() + "/transfers/"
                                            + e.transferId();
                                    String footer = footer(m, audience);
                                    String action = m.transferFailedAction();
                                    String html = Mails.transferFailedHtml(
                                                    lang, subject, intro, detail, action, link, footer)
                                            .render();
                                    String text = Mails.transferFailedText(
                                                    lang, subject, intro, detail, action, link, footer)
                                            .render();
                                    return recorder.record(
                                            eventId,
                                            MailKind.TRANSFER_FAILED.key(),
                                            eventTime,
                                            List.of(org),
                                            DeliveryRecorder.drafts(audience, subject, html, text),
                                            () -> Uni.createFrom().voidItem());
                                }))));
    }

    /** Wording for one side: the owner's side links to its outgoing shares, the grantee's to its incoming ones. */
    private Words sides(Words words, boolean ownerSide) {
        return (m, s, devices, l) -> {
            Wording w = words.of(m, s, devices, l);
            String link = w.link() != null
                    ? w.link()
                    : consoleBaseUrl + (ownerSide ? "/sharing/outgoing" : "/sharing/incoming");
            String action = ownerSide ? w.action() : m.sharesAction(name(s.grantee()));
            return new Wording(w.subject(), w.intro(), w.detail(), action, link);
        };
    }

    private List<Draft> drafts(
            Recipients.Audience audience,
            Share share,
            String role,
            OffsetDateTime startsAt,
            OffsetDateTime endsAt,
            Words words) {
        if (audience.emails().isEmpty()) {
            return List.of();
        }
        Locale locale = audience.locale();
        MailMessages m = messages(locale);
        String lang = lang(locale);
        String devices = m.devices(share.devices().size());
        Wording w = words.of(m, share, devices, locale);
        List<String> facts = new ArrayList<>();
        if (role != null && !role.isBlank()) {
            facts.add(m.role(role.toLowerCase(Locale.ROOT)));
        }
        if (startsAt != null) {
            facts.add(m.from(date(startsAt, locale)));
        }
        if (endsAt != null) {
            facts.add(m.until(date(endsAt, locale)));
        }
        String subject = NotificationService.subject(w.subject());
        String footer = footer(m, audience);
        String html = Mails.shareHtml(
                        lang,
                        subject,
                        w.intro(),
                        w.detail(),
                        facts,
                        m.devicesHeading(share.devices().size()),
                        share.devices(),
                        w.action(),
                        w.link(),
                        footer)
                .render();
        String text = Mails.shareText(
                        lang,
                        subject,
                        w.intro(),
                        w.detail(),
                        facts,
                        m.devicesHeading(share.devices().size()),
                        share.devices(),
                        w.action(),
                        w.link(),
                        footer)
                .render();
        return DeliveryRecorder.drafts(audience, subject, html, text);
    }

    private Uni<Share> share(String ownerAlias, String granteeAlias, List<UUID> deviceIds, Map<UUID, String> names) {
        return organizations
                .byAlias(ownerAlias)
                .chain(owner -> organizations
                        .byAlias(granteeAlias)
                        .chain(grantee ->
                                deviceNames.namesOf(deviceIds, names).map(n -> new Share(owner, grantee, n))));
    }

    private static String footer(MailMessages m, Recipients.Audience audience) {
        return audience.contacts() ? m.footerContact(name(audience.org())) : m.footerAdmin(name(audience.org()));
    }

    /** The organization's display name, on one line. */
    private static String name(OrgRef org) {
        return org == null
                ? "An organization"
                : org.displayName().replaceAll("\\p{Cntrl}+", " ").strip();
    }

    private static OffsetDateTime at(OffsetDateTime occurredAt, OffsetDateTime eventTime) {
        return occurredAt != null ? occurredAt : eventTime != null ? eventTime : DbClock.now();
    }

    static String date(OffsetDateTime t, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", locale)
                .format(t.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static MailMessages messages(Locale locale) {
        return MailText.messages(locale);
    }

    private static String lang(Locale locale) {
        return MailText.lang(locale);
    }
}
