package io.devshare.console.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.quarkus.qute.TemplateExtension;

import io.devshare.console.text.Language;

/** Helpers for templates. HTML escaping is Qute's default; values inside a link's query need URL encoding too. */
@TemplateExtension
public class TemplateExtensions {

    /** {@code {value.url}}: the value encoded as a URL query parameter. */
    static String url(String value) {
        return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /**
     * {@code {value.words}}: an API constant as words of the page's language, e.g. PARTNERSHIP_ENDED → partnership
     * ended, share.granted → share granted ({@link Words}).
     */
    static String words(String value) {
        return Words.of(value, Language.current());
    }
}
