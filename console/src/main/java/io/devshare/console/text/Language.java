package io.devshare.console.text;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;

/**
 * The language of this request's pages: the organization's setting (the one its mails use), or, without an
 * organization (the platform operator, the signed-out page), the browser's first supported choice. English or
 * German.
 */
@RequestScoped
public class Language {

    static final List<String> SUPPORTED = List.of("en", "de");

    private String tag = "en";

    public void use(String language) {
        this.tag = SUPPORTED.contains(language) ? language : "en";
    }

    /** The first of the browser's languages that the console speaks, else English. */
    public void useFirstOf(List<Locale> acceptable) {
        use(acceptable.stream()
                .map(Locale::getLanguage)
                .filter(SUPPORTED::contains)
                .findFirst()
                .orElse("en"));
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return Locale.forLanguageTag(tag);
    }

    public boolean german() {
        return "de".equals(tag);
    }

    /** What Java code says (notices, refusals, periods, roles) in this language; templates use {@link Msg}. */
    public Sentences sentences() {
        return MessageBundles.get(Sentences.class, Localized.Literal.of(tag));
    }

    /** The current request's language; English outside a request. */
    public static Language current() {
        var request = Arc.container().requestContext();
        if (!request.isActive()) {
            Language english = new Language();
            return english;
        }
        return Arc.container().instance(Language.class).get();
    }
}
