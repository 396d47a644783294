package io.devshare.notification.service;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

import io.devshare.notification.MailKind;
import io.devshare.notification.client.OrgAdminDirectory;
import io.devshare.notification.events.OrgRef;

/**
 * Who of an organization gets a kind of mail: the contacts in its notification settings that want that kind; when
 * none does, its admins from Keycloak (cached). Only addresses of the event's own organizations are ever chosen
 * here: contacts count as their organization's because its admins set them.
 */
@ApplicationScoped
public class Recipients {

    private static final Logger LOG = Logger.getLogger(Recipients.class);

    /**
     * The addresses, the organization's language, whether they are contacts (else admins), and the alias of the
     * organization the addresses belong to ({@code org}'s, except for addresses an inviter named: the inviter's).
     */
    public record Audience(OrgRef org, Set<String> emails, Locale locale, boolean contacts, String addressesOf) {

        Audience(OrgRef org, Set<String> emails, Locale locale, boolean contacts) {
            this(org, emails, locale, contacts, org == null ? null : org.alias());
        }
    }

    private final NotificationSettingsService settings;
    private final OrgAdminDirectory admins;

    @Inject
    public Recipients(NotificationSettingsService settings, OrgAdminDirectory admins) {
        this.settings = settings;
        this.admins = admins;
    }

    public Uni<Audience> of(OrgRef org, MailKind kind, String eventId) {
        if (org == null) {
            return Uni.createFrom().item(new Audience(new OrgRef(null, null, null), Set.of(), Locale.ENGLISH, false));
        }
        return settings.of(org.alias()).chain(s -> {
            Set<String> wanting = s.wanting(kind);
            if (!wanting.isEmpty()) {
                return Uni.createFrom().item(new Audience(org, wanting, s.locale(), true));
            }
            if (!org.hasId()) {
                LOG.infof(
                        "%s %s: organization %s is unknown to Keycloak and has no contact for it: no mail for it",
                        kind.key(), eventId, org.alias());
                return Uni.createFrom().item(new Audience(org, Set.of(), s.locale(), false));
            }
            return admins.adminEmails(org.id()).map(emails -> {
                Set<String> valid = valid(emails);
                if (valid.isEmpty()) {
                    LOG.infof(
                            "organization %s (%s) has no admin with an email: no %s mail for it (event %s)",
                            org.id(), org.alias(), kind.key(), eventId);
                }
                return new Audience(org, valid, s.locale(), false);
            });
        });
    }

    /**
     * Addresses the inviter named on an invitation: mailed as they are (neither contacts nor admins), in the invited
     * organization's language; they count as the inviter's addresses (it chose them), so only its inbox shows them.
     */
    public Uni<Audience> named(OrgRef invitee, OrgRef inviter, Set<String> emails) {
        return settings.of(invitee == null ? null : invitee.alias())
                .map(s -> new Audience(invitee, emails, s.locale(), false, inviter == null ? null : inviter.alias()));
    }

    /** Valid, distinct (case-insensitive) addresses; anything that could inject a header is dropped. */
    static Set<String> valid(List<String> addresses) {
        Set<String> out = new LinkedHashSet<>();
        for (String a : addresses) {
            if (a == null) {
                continue;
            }
            String s = a.strip();
            if (Addresses.valid(s)) {
                out.add(Addresses.normalize(s));
            }
        }
        return out;
    }
}
