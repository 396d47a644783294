package io.devshare.notification.service;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Type-safe email templates ({@code src/main/resources/templates/Mails/}). HTML variants escape every value;
 * subjects are built in code and stripped of line breaks.
 */
@CheckedTemplate(basePath = "Mails")
public final class Mails {

    private Mails() {}

    /**
     * {@code namedByInviter}: the recipient is an address the inviter named; else {@code asContact}: a notification
     * contact of the invitee, else one of its admins. The same {@code asContact} in the other partnership mails.
     */
    public static native TemplateInstance invitationHtml(
            String inviterName,
            String inviterAlias,
            String inviteeName,
            String message,
            String link,
            boolean namedByInviter,
            boolean asContact);

    public static native TemplateInstance invitationText(
            String inviterName,
            String inviterAlias,
            String inviteeName,
            String message,
            String link,
            boolean namedByInviter,
            boolean asContact);

    public static native TemplateInstance invitationAcceptedHtml(
            String inviterName, String inviteeName, String link, boolean asContact);

    public static native TemplateInstance invitationAcceptedText(
            String inviterName, String inviteeName, String link, boolean asContact);

    public static native TemplateInstance invitationDeclinedHtml(
            String inviterName, String inviteeName, String reason, String link, boolean asContact);

    public static native TemplateInstance invitationDeclinedText(
            String inviterName, String inviteeName, String reason, String link, boolean asContact);

    /** {@code orgName}: the recipient's organization; {@code partnerName}: the other one. */
    public static native TemplateInstance partnershipEndedHtml(
            String endedByName, String orgName, String partnerName, String link, boolean asContact);

    public static native TemplateInstance partnershipEndedText(
            String endedByName, String orgName, String partnerName, String link, boolean asContact);

    /**
     * Every sharing mail (shared, revoked, expired, left, ending): its sentences come from {@link MailMessages} in
     * the recipient organization's language ({@code lang}); {@code facts} are short lines (role, period).
     */
    public static native TemplateInstance shareHtml(
            String lang,
            String title,
            String intro,
            String detail,
            List<String> facts,
            String devicesHeading,
            List<String> devices,
            String action,
            String link,
            String footer);

    public static native TemplateInstance shareText(
            String lang,
            String title,
            String intro,
            String detail,
            List<String> facts,
            String devicesHeading,
            List<String> devices,
            String action,
            String link,
            String footer);

    public static native TemplateInstance transferFailedHtml(
            String lang, String title, String intro, String detail, String action, String link, String footer);

    public static native TemplateInstance transferFailedText(
            String lang, String title, String intro, String detail, String action, String link, String footer);
}
