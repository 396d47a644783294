package io.devshare.console.web;

import java.util.UUID;

/** What a form or query parameter holds, as the pages read it: absent is empty, and a bad id is no id. */
final class FormValues {

    private FormValues() {}

    /** The value, or "" when absent. */
    static String text(String s) {
        return s == null ? "" : s;
    }

    /** The value, or null when absent or blank. */
    static String orNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The id, or null when absent, blank or not an id. */
    static UUID uuid(String s) {
        try {
            return s == null || s.isBlank() ? null : UUID.fromString(s.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
