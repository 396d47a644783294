package io.devshare.console.text;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every text of the console's pages, in English here and in German in {@code messages/msg_de.properties}. Templates
 * use them as {@code {msg:key}}; Java code through {@link Language#msg()}. A message is plain text: whatever it
 * includes is escaped where a page shows it.
 */
@MessageBundle(value = "msg", locale = "en")
public interface Msg {

    @Message("en")
    String lang();

    @Message("Skip to content")
    String skipToContent();

    @Message("Main")
    String navMain();

    @Message("Sharing")
    String navSharing();

    @Message("Partners")
    String navPartners();

    @Message("Devices")
    String navDevices();

    @Message("Projects")
    String navProjects();

    @Message("Inbox")
    String navInbox();

    @Message("Settings")
    String navSettings();

    @Message("Licence pools")
    String licencePools();

    @Message("Your organization")
    String yourOrganization();

    @Message("Sign out")
    String signOut();

    @Message("Signed out")
    String signedOutTitle();

    @Message("You are signed out")
    String signedOutHeading();

    @Message("If you belong to several organizations, you choose the one to work for when you sign in.")
    String severalOrganizationsHint();

    @Message("Sign in again")
    String signInAgain();

    @Message("Something went wrong")
    String problemTitle();

    @Message("That did not work")
    String problemHeading();

    @Message("Go back")
    String goBack();

    @Message("Start again")
    String startAgain();

    @Message("Share devices with a partner")
    String shareWithPartner();

    @Message("Share devices")
    String shareDevices();

    @Message("Utilisation report")
    String utilisationReport();

    @Message("Waiting for your approval")
    String waitingForApproval();

    @Message("Nothing is waiting for you.")
    String nothingWaiting();

    @Message("{org} invites you to become partners")
    String invitesYou(String org);

    @Message("What you share, and with whom")
    String whatYouShareWithWhom();

    @Message("You share nothing yet.")
    String youShareNothing();

    @Message("Everything you share")
    String everythingYouShare();

    @Message("Shared with you")
    String sharedWithYou();

    @Message("Nothing is shared with you yet.")
    String nothingSharedWithYou();

    @Message("Everything shared with you")
    String everythingSharedWithYou();

    @Message("Your requests waiting for approval")
    String yourRequestsWaiting();

    @Message("None.")
    String none();

    @Message("Partnership with {org}")
    String partnershipWith(String org);

    @Message("expires {date}")
    String expires(java.time.LocalDate date);

    @Message("Device")
    String device();

    @Message("With")
    String with();

    @Message("From")
    String from();

    @Message("Role")
    String role();

    @Message("Until")
    String until();

    @Message("Actions")
    String actions();

    @Message("not yet started")
    String notYetStarted();

    @Message("open-ended")
    String openEnded();

    @Message("Revoke…")
    String revokeEllipsis();

    @Message("Give back…")
    String giveBackEllipsis();

    @Message("What you share")
    String whatYouShare();

    @Message("Pages")
    String pages();

    @Message("First page")
    String firstPage();

    @Message("Next page")
    String nextPage();

    @Message("shared with {org}")
    String sharedWithOrg(String org);

    @Message("shared with you by {org}")
    String sharedWithYouBy(String org);

    @Message("Status")
    String status();

    @Message("They can")
    String theyCan();

    @Message("You can")
    String youCan();

    @Message("revoked by hand")
    String revokedByHand();

    @Message("Ended because")
    String endedBecause();

    @Message("Change it")
    String changeIt();

    @Message("Last day")
    String lastDay();

    @Message("included, UTC")
    String includedUtc();

    @Message("No end: until revoked")
    String noEnd();

    @Message("Change")
    String change();

    @Message("History")
    String history();

    @Message("When")
    String when();

    @Message("What")
    String what();

    @Message("Revoke {what}")
    String revokeTitle(String what);

    @Message("Give back {what}")
    String giveBackTitle(String what);

    @Message("Revoke {what} from {org}?")
    String revokeQuestion(String what, String org);

    @Message("At once, {org} can no longer:")
    String atOnceTheyCanNoLonger(String org);

    @Message("Give {what} back to {org}?")
    String giveBackQuestion(String what, String org);

    @Message("At once, your organization can no longer:")
    String atOnceYouCanNoLonger();

    @Message(
            "Their projects that use it lose it, open remote sessions on it close, and designs on their way to it are cancelled. Both organizations are told by mail.")
    String revokeEffects();

    @Message(
            "Your projects that use it lose it, open remote sessions on it close, and designs on their way to it are cancelled. Both organizations are told by mail.")
    String giveBackEffects();

    @Message("Revoke")
    String revoke();

    @Message("Give it back")
    String giveItBack();

    @Message("Keep it")
    String keepIt();

    @Message("Partner")
    String partner();

    @Message("You have no partners yet:")
    String noPartnersYet();

    @Message("invite one first.")
    String inviteOneFirst();

    @Message("Choose a partner")
    String choosePartner();

    @Message("Devices")
    String devices();

    @Message("You have no devices of your own to share.")
    String noOwnDevices();

    @Message("…or a whole group")
    String orAWholeGroup();

    @Message("devices added to it later are shared too")
    String groupLaterToo();

    @Message("No group")
    String noGroup();

    @Message("First day")
    String firstDay();

    @Message("optional; empty: from now")
    String firstDayHint();

    @Message("optional, included; empty: until you revoke")
    String lastDayHint();

    @Message("Share")
    String share();

    @Message("What your partner will get")
    String whatPartnerGets();

    @Message("{org} will see every device of the group {group} ({count} now, and any you add later)")
    String willSeeGroup(String org, String group, long count);

    @Message("{org} will see {devices}")
    String willSeeDevices(String org, String devices);

    @Message("As {role} they can:")
    String asRoleTheyCan(String role);

    @Message(
            "They cannot see your other devices, your projects or your people. You can change the role or the end, or revoke it, at any time; they and you are told by mail.")
    String previewHint();

    @Message("Choose a partner, devices or a group, and a role: this shows what they will see and be able to do.")
    String previewEmpty();

    @Message("Invitations to you")
    String invitationsToYou();

    @Message("No invitation is waiting for your answer.")
    String noInvitationWaiting();

    @Message("Your partners")
    String yourPartners();

    @Message("No partners yet. Invite an organization by its short name, or connect with a partner's sharing code.")
    String noPartnersHint();

    @Message("Since")
    String since();

    @Message("How")
    String how();

    @Message("sharing code")
    String viaSharingCode();

    @Message("invitation")
    String viaInvitation();

    @Message("End…")
    String endEllipsis();

    @Message("Your invitations waiting for an answer")
    String yourInvitationsWaiting();

    @Message("Invite an organization")
    String inviteAnOrganization();

    @Message("Organization's short name")
    String orgShortName();

    @Message("Organization (short name)")
    String orgShortNameParen();

    @Message("Notify these addresses")
    String notifyAddresses();

    @Message("optional; without any, their admins are told")
    String notifyAddressesHint();

    @Message("A note for them")
    String noteForThem();

    @Message("optional")
    String optional();

    @Message("Send invitation")
    String sendInvitation();

    @Message("Sharing codes")
    String sharingCodes();

    @Message("Your organization's sharing code:")
    String yourSharingCode();

    @Message("Copy")
    String copy();

    @Message("Whoever holds it can become your partner at once. Give it only to organizations you trust.")
    String sharingCodeHint();

    @Message("Make a new code (the old one stops working)")
    String regenerateCode();

    @Message("Connect with a partner's sharing code")
    String connectWithCode();

    @Message("Connect")
    String connect();

    @Message("End the partnership with {org}")
    String endPartnershipTitle(String org);

    @Message("End the partnership with {org}?")
    String endPartnershipQuestion(String org);

    @Message(
            "Ending it revokes, at once, every device shared between {org} and your organization, in both directions. Their projects and open sessions lose your devices, and yours lose theirs; both organizations are told by mail. To work together again, one of you invites the other.")
    String endPartnershipEffects(String org);

    @Message("End the partnership")
    String endPartnership();

    @Message("Invitation")
    String invitation();

    @Message("Your invitation to {org}")
    String yourInvitationTo(String org);

    @Message("Their reason:")
    String theirReason();

    @Message("As partners, each of you can share devices with the other; nothing is shared until one of you does.")
    String asPartners();

    @Message("Accept")
    String accept();

    @Message("Reason")
    String reason();

    @Message("optional, they will see it")
    String reasonHint();

    @Message("Decline")
    String decline();

    @Message("Cancel the invitation")
    String cancelInvitation();

    @Message("The device's credentials — shown only now")
    String credentialsHeading();

    @Message(
            "Enter them in the device (HTTP Basic on /device-api). Devshare keeps only a hash of the secret: it cannot show it again; if it is lost, rotate the credentials.")
    String credentialsHint();

    @Message("Device id")
    String deviceId();

    @Message("Secret")
    String secret();

    @Message("Serial number")
    String serialNumber();

    @Message("Make and model")
    String makeAndModel();

    @Message("Kind")
    String kind();

    @Message("Owner")
    String owner();

    @Message("Shared with you by")
    String sharedWithYouByLabel();

    @Message("{org}, as {role}")
    String orgAsRole(String org, String role);

    @Message("In use by")
    String inUseBy();

    @Message("{org} since {date}")
    String orgSince(String org, java.time.LocalDate date);

    @Message("Last position")
    String lastPosition();

    @Message("Tags")
    String tags();

    @Message("Share…")
    String shareEllipsis();

    @Message("Who can reach this device, and why")
    String whoCanReach();

    @Message("Sharing does not know this device yet (it learns of it within seconds); reload in a moment.")
    String reachUnknownYet();

    @Message("Organization")
    String organization();

    @Message("Why")
    String why();

    @Message("What they can do")
    String whatTheyCanDo();

    @Message("owner")
    String ownerWord();

    @Message("{role} share")
    String roleShare(String role);

    @Message("through a group")
    String throughAGroup();

    @Message("until {date}")
    String untilDate(java.time.LocalDate date);

    @Message("everything")
    String everything();

    @Message("Register a device")
    String registerDevice();

    @Message("Groups")
    String groups();

    @Message("Show")
    String show();

    @Message("all devices")
    String allDevices();

    @Message("ours")
    String ours();

    @Message("shared with us")
    String sharedWithUs();

    @Message("Tag")
    String tag();

    @Message("Filter")
    String filter();

    @Message("Clear")
    String clear();

    @Message("No device matches.")
    String noDeviceMatches();

    @Message("No devices yet: register yours, or ask a partner to share theirs.")
    String noDevicesYet();

    @Message("Sharing")
    String sharing();

    @Message("shared by {org}")
    String sharedBy(String org);

    @Message("shared with {org} ({role})")
    String sharedWithRole(String org, String role);

    @Message("ours, not shared")
    String oursNotShared();

    @Message("Manufacturer")
    String manufacturer();

    @Message("Model")
    String model();

    @Message("Name people know it by")
    String displayName();

    @Message("optional, separated by commas")
    String tagsHint();

    @Message("Register")
    String register();

    @Message("Share this group…")
    String shareGroupEllipsis();

    @Message("No devices in this group yet.")
    String noDevicesInGroup();

    @Message("Remove")
    String remove();

    @Message("Add a device")
    String addADevice();

    @Message("Add")
    String add();

    @Message("Device groups")
    String deviceGroups();

    @Message(
            "Share a whole group at once: a device added to the group later is shared with it, one removed stops being.")
    String groupsHint();

    @Message("No groups yet.")
    String noGroupsYet();

    @Message("Group")
    String group();

    @Message("New group")
    String newGroup();

    @Message("Name")
    String name();

    @Message("Create")
    String create();

    @Message("Waiting for your answer")
    String waitingForYourAnswer();

    @Message("Mails about your organization")
    String mailsAboutYou();

    @Message("Nothing was mailed yet.")
    String nothingMailed();

    @Message("Subject")
    String subject();

    @Message("To")
    String to();

    @Message("someone at {org}")
    String someoneAt(String org);

    @Message("someone at another organization")
    String someoneElsewhere();

    @Message("Older")
    String older();

    @Message("How many devices an organization may register. Platform operators only.")
    String licencePoolsHint();

    @Message("Pool")
    String pool();

    @Message("Used")
    String used();

    @Message("Available")
    String available();

    @Message("Pool size")
    String poolSize();

    @Message("Set")
    String set();

    @Message("Utilisation")
    String utilisation();

    @Message("to (included, UTC)")
    String toIncludedUtc();

    @Message("Download CSV")
    String downloadCsv();

    @Message("Nothing was shared in this period.")
    String nothingSharedInPeriod();

    @Message("Device or group")
    String deviceOrGroup();

    @Message("Grants")
    String grants();

    @Message("Share-days")
    String shareDays();

    @Message("Notification settings")
    String settingsTitle();

    @Message("Language of your organization's mails and pages")
    String languageLabel();

    @Message("Who is told what")
    String whoIsToldWhat();

    @Message("without contacts, your admins get every mail; clear an address to remove it")
    String whoIsToldWhatHint();

    @Message("Address")
    String address();

    @Message("Address {n}")
    String addressN(int n);

    @Message("{kind} for address {n}")
    String kindForAddress(String kind, int n);

    @Message("Save")
    String save();

    @Message("No projects yet.")
    String noProjectsYet();

    @Message("Project")
    String project();

    @Message("Site")
    String site();

    @Message("New project")
    String newProject();

    @Message("Site address")
    String siteAddress();

    @Message("Devices working here")
    String devicesWorkingHere();

    @Message("No device works in this project yet.")
    String noDeviceInProject();

    @Message("shared")
    String shared();

    @Message("Choose one of yours or one shared with you")
    String chooseOwnOrShared();

    @Message("Map")
    String map();

    @Message("No device of this project has reported a position yet.")
    String noPositionYet();

    @Message("{n} devices at their last positions; north is up.")
    String mapDesc(int n);

    @Message("Only the first 1,000 devices are drawn.")
    String mapTruncated();

    @Message("Designs")
    String designs();

    @Message("No design published yet.")
    String noDesignYet();

    @Message("{size} bytes · published {date} by {by}")
    String designFacts(long size, java.time.LocalDate date, String by);

    @Message("No device could receive it.")
    String noDeviceCouldReceive();

    @Message("Publish a design to the project's devices")
    String publishDesign();

    @Message("Publish")
    String publish();

    @Message("Remote sessions")
    String remoteSessions();

    @Message("None yet.")
    String noneYet();

    @Message("Opened")
    String opened();

    @Message("{date} by {by}")
    String dateBy(java.time.LocalDate date, String by);

    @Message("Close")
    String close();

    @Message("Open a session on")
    String openSessionOn();

    @Message("Open")
    String open();

    @Message("Field data")
    String fieldData();

    @Message("The devices have not uploaded anything while in this project.")
    String noFieldData();

    @Message("{n} bytes")
    String bytes(long n);

    @Message("Close the project (its devices leave it)")
    String closeProject();

    @Message("What they lose now")
    String impactHeadingThey();

    @Message("What you lose now")
    String impactHeadingYou();

    @Message("The effect on their projects could not be previewed right now. Revoking works all the same.")
    String impactUnknownRevoke();

    @Message("The effect on your projects could not be previewed right now. Giving it back works all the same.")
    String impactUnknownLeave();

    @Message("No project of {org} uses it now: no project, remote session or design is affected.")
    String impactNoneTheirs(String org);

    @Message("None of your projects uses it now: no project, remote session or design is affected.")
    String impactNoneYours();

    @Message(
            "{n} {#if n == 1}assignment stays{#else}assignments stay{/if}, as another share allows {#if n == 1}it{#else}them{/if}.")
    String impactKept(int n);

    @Message("{org}'s project {name}")
    String impactTheirProject(String org, String name);

    @Message("Your project {name}")
    String impactYourProject(String name);

    @Message("loses it")
    String impactLosesIt();

    @Message("loses")
    String impactLoses();

    @Message("and {n} more {#if n == 1}device{#else}devices{/if}")
    String impactMoreDevices(int n);

    @Message("{n} open remote {#if n == 1}session closes{#else}sessions close{/if}")
    String impactSessions(int n);

    @Message("{n} open remote {#if n == 1}session{#else}sessions{/if} by {by} {#if n == 1}closes{#else}close{/if}")
    String impactSessionsBy(int n, String by);

    @Message("{n} {#if n == 1}design on its way is{#else}designs on their way are{/if} cancelled")
    String impactDesigns(long n);

    @Message("… and {n} more {#if n == 1}project{#else}projects{/if}.")
    String impactMoreProjects(int n);

    @Message("People concerned:")
    String impactPeople();

    @Message("assigned it")
    String impactAssignedIt();

    @Message("opened a session")
    String impactOpenedSession();

    @Message("published a design")
    String impactPublishedDesign();

    @Message("{n} {#if n == 1}person{#else}people{/if} without a name known here")
    String impactUnnamed(int n);
}
