package io.devshare.notification.service;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.RawString;
import io.quarkus.qute.TemplateInstance;

/**
 * Type-safe email templates ({@code src/main/resources/templates/Mails/}): one layout per family of mails, each in
 * HTML and plain text. HTML variants escape every value (but a {@link RawString}, escaped before); subjects are built
 * in code and stripped of line breaks.
 */
@CheckedTemplate(basePath = "Mails")
public final class Mails {

    private Mails() {}

    /**
     * Every partnership mail (invitation, accepted, declined, ended): its sentences come from {@link MailMessages} in
     * the recipient organization's language ({@code lang}). {@code intro} is the opening sentence with the
     * organizations' names in bold, already escaped ({@link MailText#strong}); {@code paragraphs} follow it, then
     * the optional {@code quote} (the inviter's message, the invitee's reason) under {@code quoteHeading}, then
     * {@code next}, the sentence that leads to the link.
     */
    public static native TemplateInstance partnershipHtml(
            String lang,
            String title,
            RawString intro,
            List<String> paragraphs,
            String quoteHeading,
            String quote,
            String next,
            String action,
            String link,
            String footer);

    public static native TemplateInstance partnershipText(
            String lang,
            String title,
            String intro,
            List<String> paragraphs,
            String quoteHeading,
            String quote,
            String next,
            String action,
            String link,
            String footer);

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
