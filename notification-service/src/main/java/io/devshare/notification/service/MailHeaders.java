package io.devshare.notification.service;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.mail.internet.MimeUtility;

/**
 * Header values the dispatcher sets itself. Vert.x's mail client (4.5) Q-encodes a subject one UTF-16 unit at a time,
 * so each half of a surrogate pair (every emoji) becomes {@code ?}; the subject is therefore given as a ready header:
 * RFC 2047 encoded words in UTF-8 (base64), split between characters, folded below 78 columns.
 */
public final class MailHeaders {

    private MailHeaders() {}

    /** The {@code Subject} header's value: ASCII on the wire, whatever the subject holds. */
    public static String subject(String subject) {
        try {
            String words = MimeUtility.encodeWord(subject, StandardCharsets.UTF_8.name(), "B");
            // Vert.x writes the message line by line and ends each line with CRLF itself.
            return MimeUtility.fold("Subject: ".length(), words).replace("\r\n", "\n");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is always supported", e);
        }
    }

    /** One {@code Message-ID} per delivery, the same on every attempt. */
    public static String messageId(UUID deliveryId) {
        return "<" + deliveryId + "@notification.devshare>";
    }
}
