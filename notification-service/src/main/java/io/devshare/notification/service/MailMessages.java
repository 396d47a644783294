package io.devshare.notification.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The wording of every mail (partnership, sharing and project), English by default. Another language adds
 * {@code src/main/resources/messages/mail_<tag>.properties} (same keys, checked at build time) and its tag to
 * {@link NotificationSettingsService#LANGUAGES}; an organization picks it in its notification settings. Messages are
 * plain text: the HTML templates escape them with everything they contain (the organization names that a
 * partnership mail sets in bold are escaped on their own, see {@link MailText#strong}). A sentence about devices
 * takes their {@code count} and words one device in the singular ("cannot use it any more"), in every language.
 */
@MessageBundle(value = "mail", locale = "en")
public interface MailMessages {

    @Message("{count} {#if count == 1}device{#else}devices{/if}")
    String devices(int count);

    @Message("{#if count == 1}Device{#else}Devices{/if}")
    String devicesHeading(int count);

    @Message("Role: {role}")
    String role(String role);

    @Message("From {startsAt}")
    String from(String startsAt);

    @Message("Until {endsAt}")
    String until(String endsAt);

    @Message("You receive this email as a notification contact of {org}.")
    String footerContact(String org);

    @Message("You receive this email as an admin of {org}.")
    String footerAdmin(String org);

    // share.granted (to the grantee)
    @Message("{owner} shared {devices} with {grantee} on Devshare")
    String grantedSubject(String owner, String grantee, String devices);

    @Message(
            "{owner} shared {devices} with {grantee}. {grantee} can use {#if count == 1}it{#else}them{/if} now with the role below.")
    String grantedIntro(String owner, String grantee, String devices, int count);

    @Message("Open the {#if count == 1}device{#else}devices{/if} shared with {grantee}")
    String grantedAction(String grantee, int count);

    // share.revoked (to both)
    @Message("{owner} revoked the share of {devices} with {grantee}")
    String revokedSubject(String owner, String grantee, String devices);

    @Message(
            "{owner} revoked the share of {devices} with {grantee}: {grantee} cannot use {#if count == 1}it{#else}them{/if} any more.")
    String revokedIntro(String owner, String grantee, String devices, int count);

    @Message("The device was deleted by {owner}, which ends its shares.")
    String revokedDeviceDeleted(String owner);

    @Message("The device group was deleted by {owner}, which ends its share.")
    String revokedGroupDeleted(String owner);

    // share.revoked EXPIRED (to both)
    @Message("The share of {devices} from {owner} with {grantee} has ended")
    String expiredSubject(String owner, String grantee, String devices);

    @Message(
            "The rental period of the share of {devices} from {owner} with {grantee} is over: {grantee} cannot use {#if count == 1}it{#else}them{/if} any more.")
    String expiredIntro(String owner, String grantee, String devices, int count);

    // share.revoked LEFT (to the owner)
    @Message("{grantee} gave back {devices} shared by {owner}")
    String leftSubject(String owner, String grantee, String devices);

    @Message(
            "{grantee} left the share of {devices} from {owner}: {#if count == 1}the device is{#else}the devices are{/if} no longer shared with {grantee}.")
    String leftIntro(String owner, String grantee, String devices, int count);

    // reminder (to both)
    @Message("The share of {devices} from {owner} with {grantee} ends on {endsAt}")
    String endingSubject(String owner, String grantee, String devices, String endsAt);

    @Message(
            "The share of {devices} from {owner} with {grantee} ends on {endsAt}. After that {grantee} cannot use {#if count == 1}it{#else}them{/if}. To keep working with {#if count == 1}it{#else}them{/if}, an admin of {owner} can extend the share.")
    String endingIntro(String owner, String grantee, String devices, String endsAt, int count);

    @Message("Review the shares of {org}")
    String sharesAction(String org);

    // transfer.failed (to the project organization)
    @Message("Design {filename} could not be delivered to {device} (project {project})")
    String transferFailedSubject(String filename, String device, String project);

    @Message(
            "The design {filename} of project {project} of {org} could not be delivered to the device {device} of {owner}.")
    String transferFailedIntro(String filename, String project, String org, String device, String owner);

    @Message("The device reported: {message}")
    String transferFailedMessage(String message);

    @Message("Open the project and publish the design again")
    String transferFailedAction();

    // partnership mails
    @Message("One of the partners")
    String somePartner();

    @Message("An organization")
    String anOrganization();

    @Message("Open your partners")
    String partnersAction();

    @Message("Review the invitation")
    String invitationAction();

    @Message("You receive this email as a notification contact of {inviter}, which sent the invitation.")
    String footerInviterContact(String inviter);

    @Message("You receive this email as an admin of {inviter}, which sent the invitation.")
    String footerInviterAdmin(String inviter);

    // invitation.created (to the invitee, or the addresses the inviter named)
    @Message("{inviter} invites {invitee} to become partners on Devshare")
    String invitationSubject(String inviter, String invitee);

    @Message("{inviter} ({alias}) invites {invitee} to become partners on Devshare.")
    String invitationIntro(String inviter, String alias, String invitee);

    @Message(
            "Once partners, either organization can share devices with the other at any time, without further approval.")
    String invitationPartners();

    @Message("Their message:")
    String invitationMessage();

    @Message("An admin of {invitee} can accept or decline the invitation on the partners page:")
    String invitationNext(String invitee);

    @Message("You receive this email because {inviter} named your address when inviting {invitee}.")
    String footerNamed(String inviter, String invitee);

    // invitation.accepted (to the inviter)
    @Message("{invitee} accepted the invitation from {inviter}: you are now partners")
    String acceptedSubject(String inviter, String invitee);

    @Message("{invitee} accepted your invitation; you are now partners and can share devices.")
    String acceptedIntro(String invitee);

    @Message(
            "{inviter} and {invitee} are partners on Devshare: either organization can share devices with the other at any time, without further approval, and take a share back whenever it wants.")
    String acceptedPartners(String inviter, String invitee);

    @Message("Next, share devices with {invitee} from the partners page:")
    String acceptedNext(String invitee);

    // invitation.declined (to the inviter)
    @Message("{invitee} declined the partnership invitation from {inviter}")
    String declinedSubject(String inviter, String invitee);

    @Message("{invitee} declined your invitation to become partners on Devshare.")
    String declinedIntro(String invitee);

    @Message("Their reason:")
    String declinedReason();

    @Message(
            "{inviter} and {invitee} are not partners: no devices can be shared between them. You can review the invitation on the partners page and, if the situation changes, invite {invitee} again:")
    String declinedNext(String inviter, String invitee);

    // partnership.ended (to both; org is the recipient's organization, partner the other one)
    @Message("{endedBy} ended the partnership between {org} and {partner} on Devshare")
    String endedSubject(String endedBy, String org, String partner);

    @Message("{endedBy} ended the partnership between {org} and {partner} on Devshare.")
    String endedIntro(String endedBy, String org, String partner);

    @Message(
            "Every device share between the two organizations was revoked: neither can use the other's devices any more.")
    String endedShares();

    @Message(
            "Check the work that relied on those devices. To work together again, an admin of either organization can send a new partnership invitation from the partners page:")
    String endedNext();
}
