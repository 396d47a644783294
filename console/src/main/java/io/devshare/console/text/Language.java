package io.devshare.console.text;

import java.util.List;
import java.util.Locale;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * The language of this request's pages, English or German: the organization's setting (the one its mails use), or,
 * without an organization (the platform operator, the signed-out page), the browser's first supported choice.
 * Chosen once per request ({@code LanguageFilter}) and kept in the request's Vert.x context, so a page of fifty rows
 * asks for it cheaply at every word it translates.
 */
public enum Language {
    ENGLISH("en"),
    GERMAN("de");

    private static final String KEY = "devshare.language";

    private final String tag;
    private final Locale locale;
    private volatile Sentences sentences;

    Language(String tag) {
        this.tag = tag;
        this.locale = Locale.forLanguageTag(tag);
    }

    /** The language of a tag ({@code de}, {@code en}); English for anything else. */
    public static Language of(String tag) {
        return "de".equals(tag) ? GERMAN : ENGLISH;
    }

    /** The first of the browser's languages that the console speaks, else English. */
    public static Language firstOf(List<Locale> acceptable) {
        for (Locale l : acceptable) {
            if ("de".equals(l.getLanguage())) {
                return GERMAN;
            }
            if ("en".equals(l.getLanguage())) {
                return ENGLISH;
            }
        }
        return ENGLISH;
    }

    /** This request's language from now on. */
    public void use() {
        Context context = Vertx.currentContext();
        if (context != null && io.smallrye.common.vertx.VertxContext.isDuplicatedContext(context)) {
            ContextLocals.put(KEY, this);
        }
    }

    /** The current request's language; English outside a request or before it was chosen. */
    public static Language current() {
        Context context = Vertx.currentContext();
        if (context == null || !io.smallrye.common.vertx.VertxContext.isDuplicatedContext(context)) {
            return ENGLISH;
        }
        return ContextLocals.<Language>get(KEY).orElse(ENGLISH);
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    public boolean german() {
        return this == GERMAN;
    }

    /** What Java code says (notices, refusals, periods, roles) in this language; templates use {@link Msg}. */
    public Sentences sentences() {
        Sentences s = sentences;
        if (s == null) {
            s = MessageBundles.get(Sentences.class, Localized.Literal.of(tag));
            sentences = s;
        }
        return s;
    }
}
