package io.devshare.common.json;

/**
 * The one rule for text that enters a service from outside (request bodies, query and path parameters, device
 * reports): no control characters but tab, line feed and carriage return; no unpaired surrogates; no
 * non-characters. PostgreSQL cannot store U+0000 at all, and the others have no business in names, codes or
 * messages that end up in mails and pages.
 */
public final class SafeText {

    private SafeText() {}

    /** Why {@code text} is refused, e.g. {@code "contains the control character U+0000"}; null when it is safe. */
    public static String problem(CharSequence text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20) {
                if (c != '\t' && c != '\n' && c != '\r') {
                    return "contains the control character " + codePoint(c);
                }
            } else if (c >= 0x7F && c <= 0x9F) {
                return "contains the control character " + codePoint(c);
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(i + 1));
                    if ((cp & 0xFFFE) == 0xFFFE) {
                        return "contains the non-character " + codePoint(cp);
                    }
                    i++;
                } else {
                    return "contains an unpaired surrogate " + codePoint(c);
                }
            } else if (Character.isLowSurrogate(c)) {
                return "contains an unpaired surrogate " + codePoint(c);
            } else if (c == 0xFFFE || c == 0xFFFF || (c >= 0xFDD0 && c <= 0xFDEF)) {
                return "contains the non-character " + codePoint(c);
            }
        }
        return null;
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
