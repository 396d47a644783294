package io.devshare.console.text;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * What the console's Java code says (notices after an action, its own refusals, a period, a role and what it allows),
 * in English here and in German in {@code messages/sentences_de.properties}; the pages' own texts are in {@link Msg}.
 * Two bundles, because Quarkus 3.33 generates broken code for a bundle of more than 300 messages (quarkus#55584).
 */
@MessageBundle(value = "sentences", locale = "en")
public interface Sentences {

    @Message("Invitation sent.")
    String noticeInvited();

    @Message("Invitation accepted: you are partners now.")
    String noticeAccepted();

    @Message("Invitation declined.")
    String noticeDeclined();

    @Message("Invitation cancelled.")
    String noticeCancelled();

    @Message("Connected: you are partners now.")
    String noticeConnected();

    @Message("A new sharing code was made; the old one no longer works.")
    String noticeRegenerated();

    @Message("The partnership was ended and everything shared within it was revoked.")
    String noticeEnded();

    @Message("Shared. Your partner can use it now (or from the start you chose).")
    String noticeShared();

    @Message("The share was changed; it applies at once.")
    String noticeChanged();

    @Message("Revoked: your partner can no longer use it.")
    String noticeRevoked();

    @Message("You gave it back: your organization can no longer use it.")
    String noticeLeft();

    @Message("Project created.")
    String noticeCreated();

    @Message("Saved.")
    String noticeSaved();

    @Message("Group created: add devices to it, then share it at once.")
    String noticeGroupCreated();

    @Message("Added to the group (and to every share of the group).")
    String noticeGroupAdded();

    @Message("Removed from the group (and from the group's shares).")
    String noticeGroupRemoved();

    @Message("The device works in this project now.")
    String noticeAssigned();

    @Message("The device left the project.")
    String noticeUnassigned();

    @Message("Design published: its delivery to each device shows below.")
    String noticePublished();

    @Message("Remote session opened.")
    String noticeSessionOpened();

    @Message("Remote session closed.")
    String noticeSessionClosed();

    @Message("Project closed: its devices left it.")
    String noticeClosed();

    @Message("Registered. Copy the credentials now: they are shown only this once.")
    String noticeRegistered();

    @Message("Choose a device.")
    String refusedChooseDevice();

    @Message("Choose one.")
    String refusedChooseOne();

    @Message("A whole number of devices.")
    String refusedWholeNumber();

    @Message("Please correct the fields marked below.")
    String problemFields();

    @Message("This request was not accepted.")
    String problemNotAccepted();

    @Message("Your session has ended. Sign in again.")
    String problemSession();

    @Message("Only an admin of your organization can do this.")
    String problemAdminOnly();

    @Message("This no longer exists, or your organization cannot see it.")
    String problemGone();

    @Message("This was changed in the meantime. Reload and try again.")
    String problemConflict();

    @Message("Too many attempts. Wait a while and try again.")
    String problemTooMany();

    @Message("Something went wrong on our side. Try again in a moment.")
    String problemOurs();

    @Message("A part of Devshare does not answer right now. Try again in a moment.")
    String problemOutage();

    @Message("There is no such page.")
    String problemNoSuchPage();

    @Message("from now")
    String periodFromNow();

    @Message("from {date}")
    String periodFrom(java.time.LocalDate date);

    @Message("{from}, until you revoke it")
    String periodOpen(String from);

    @Message("{from} until the end of {date} (UTC), then it returns to you by itself")
    String periodUntil(String from, java.time.LocalDate date);

    @Message("group {name}")
    String groupNamed(String name);

    @Message("a group of {org}'s devices")
    String aGroupOf(String org);

    @Message("a device ({id})")
    String aDevice(String id);

    @Message("Viewer")
    String roleViewer();

    @Message("Operator")
    String roleOperator();

    @Message("Manager")
    String roleManager();

    @Message("see the device and its details")
    String capView();

    @Message("see where it is")
    String capViewPosition();

    @Message("download the field data it uploads")
    String capReadFieldData();

    @Message("assign it to their projects, where it then works for them")
    String capAssignToProject();

    @Message("send designs to it")
    String capPublishDesign();

    @Message("open remote sessions on it")
    String capRemoteSession();

    @Message("change its settings")
    String capConfigure();

    @Message("Your organizations are already partners.")
    String problemAlreadyPartners();

    @Message("This is already shared with that partner.")
    String problemAlreadyShared();

    @Message("The device is already at work in another project.")
    String problemDeviceBooked();

    @Message("This share has already ended.")
    String problemGrantClosed();

    @Message("This group is already shared with an organization; a group is shared with one organization at a time.")
    String problemGroupAlreadyShared();

    @Message("Your organization already has a group of that name.")
    String problemGroupNameTaken();

    @Message("This invitation has already been answered or cancelled.")
    String problemInvitationClosed();

    @Message("This invitation has expired.")
    String problemInvitationExpired();

    @Message("An invitation between your organizations is already waiting for an answer.")
    String problemInvitationPending();

    @Message("They have already invited you: answer their invitation instead.")
    String problemInvitationPendingFromPartner();

    @Message("Your organization's licence pool is used up: ask the platform operator for more.")
    String problemLicencesExhausted();

    @Message("The pool cannot be smaller than the devices already registered.")
    String problemLicencesInUse();

    @Message("No device of the project can receive designs; assign devices first.")
    String problemNoDevices();

    @Message("Your organizations are not partners.")
    String problemNotPartners();

    @Message("This is your own organization's sharing code.")
    String problemOwnSharingCode();

    @Message("The project is closed; it can no longer change.")
    String problemProjectClosed();

    @Message("An organization cannot invite itself to be its partner.")
    String problemSelfInvitation();

    @Message("An organization cannot share devices with itself.")
    String problemSelfShare();

    @Message("A device with this manufacturer and serial number is already registered.")
    String problemSerialNumberTaken();

    @Message("The session is already closed.")
    String problemSessionClosed();

    @Message("The device already has an open remote session; close it first or wait until it expires.")
    String problemSessionOpen();
}
