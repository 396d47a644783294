package io.devshare.notification.service;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Type-safe email templates ({@code src/main/resources/templates/Mails/}). HTML variants escape every value;
 * subjects are built in code and stripped of line breaks.
 */
@CheckedTemplate(basePath = "Mails")
public final class Mails {

    private Mails() {}

    /** {@code namedByInviter}: the recipient is an address the inviter named, else an admin of the invitee. */
    public static native TemplateInstance invitationHtml(
            String inviterName,
            String inviterAlias,
            String inviteeName,
            String message,
            String link,
            boolean namedByInviter);

    public static native TemplateInstance invitationText(
            String inviterName,
            String inviterAlias,
            String inviteeName,
            String message,
            String link,
            boolean namedByInviter);

    public static native TemplateInstance invitationAcceptedHtml(String inviterName, String inviteeName, String link);

    public static native TemplateInstance invitationAcceptedText(String inviterName, String inviteeName, String link);

    public static native TemplateInstance invitationDeclinedHtml(
            String inviterName, String inviteeName, String reason, String link);

    public static native TemplateInstance invitationDeclinedText(
            String inviterName, String inviteeName, String reason, String link);

    /** {@code orgName}: the recipient's organization; {@code partnerName}: the other one. */
    public static native TemplateInstance partnershipEndedHtml(
            String endedByName, String orgName, String partnerName, String link);

    public static native TemplateInstance partnershipEndedText(
            String endedByName, String orgName, String partnerName, String link);
}
