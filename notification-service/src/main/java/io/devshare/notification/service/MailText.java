package io.devshare.notification.service;

import java.util.Locale;
import java.util.function.Function;

import io.quarkus.qute.Escaper;
import io.quarkus.qute.RawString;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The wording of a mail in one language: the {@link MailMessages} of a recipient organization's locale, and
 * sentences whose organization names are set in bold in the HTML body.
 */
final class MailText {

    /** The characters Qute's HTML escaper replaces, with the same replacements. */
    private static final Escaper HTML = Escaper.builder()
            .add('"', "&quot;")
            .add('\'', "&#39;")
            .add('&', "&amp;")
            .add('<', "&lt;")
            .add('>', "&gt;")
            .build();

    /** Marks where a bold value goes: private-use characters that no message contains. */
    private static final char OPEN = '\uE000';

    private static final char CLOSE = '\uE001';

    /** One sentence, for the text body and (already escaped, with its bold names) for the HTML body. */
    record Sentence(String text, RawString html) {}

    private MailText() {}

    /** The messages in the locale's language; English (the bundle's defaults) when none is given. */
    static MailMessages messages(Locale locale) {
        String lang = lang(locale);
        return "en".equals(lang)
                ? MessageBundles.get(MailMessages.class)
                : MessageBundles.get(MailMessages.class, Localized.Literal.of(lang));
    }

    static String lang(Locale locale) {
        return locale == null ? "en" : locale.getLanguage();
    }

    /**
     * A message with some of its arguments in bold in HTML. {@code message} gets the bold values (as markers for the
     * HTML variant) and passes any other argument itself. The HTML variant escapes the whole message with its other
     * arguments, then puts each bold value, escaped, in {@code <strong>}: a translation places the names where its
     * grammar wants them, and nothing user-supplied is ever written unescaped.
     */
    static Sentence strong(Function<String[], String> message, String... bold) {
        String[] markers = new String[bold.length];
        for (int i = 0; i < bold.length; i++) {
            markers[i] = OPEN + Integer.toString(i) + CLOSE;
        }
        String marked = HTML.escape(message.apply(markers));
        StringBuilder html = new StringBuilder(marked.length() + 32);
        for (int i = 0; i < marked.length(); i++) {
            char c = marked.charAt(i);
            if (c == OPEN) {
                int close = marked.indexOf(CLOSE, i);
                int index = close < 0 ? -1 : index(marked.substring(i + 1, close), bold.length);
                if (index >= 0) {
                    html.append("<strong>")
                            .append(HTML.escape(strip(bold[index])))
                            .append("</strong>");
                    i = close;
                }
                // else: a stray marker character (from an argument): dropped.
            } else if (c != CLOSE) {
                html.append(c);
            }
        }
        return new Sentence(message.apply(bold), new RawString(html.toString()));
    }

    private static int index(String digits, int count) {
        if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return -1;
        }
        int i = Integer.parseInt(digits);
        return i < count ? i : -1;
    }

    private static String strip(String s) {
        return s == null ? "" : s.replace(String.valueOf(OPEN), "").replace(String.valueOf(CLOSE), "");
    }
}
