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

    public static native TemplateInstance invitationHtml(
            String inviterName, String inviterAlias, String inviteeName, String message, String link);

    public static native TemplateInstance invitationText(
            String inviterName, String inviterAlias, String inviteeName, String message, String link);
}
