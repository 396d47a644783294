package io.devshare.common.limits;

import java.time.Duration;
import java.util.Objects;

/**
 * A limit: at most {@code max} units per fixed window of {@code window}, counted per key (e.g. per organization).
 *
 * @param name stable identifier, the counter's name and the {@code limit} named in a 429 problem (e.g.
 *     {@code invitations-per-hour})
 * @param max units allowed per window; 0 refuses everything
 * @param window whole seconds, at least one; windows are aligned to the epoch (an hour starts on the hour, a day at
 *     00:00 UTC)
 * @param units what is counted, in the plural, for the problem's detail (e.g. {@code invitations})
 */
public record Limit(String name, long max, Duration window, String units) {

    public Limit {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(units, "units");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a limit needs a name");
        }
        if (max < 0) {
            throw new IllegalArgumentException(name + ": max must not be negative");
        }
        if (window.getNano() != 0 || window.getSeconds() < 1) {
            throw new IllegalArgumentException(name + ": the window must be whole seconds, at least one");
        }
    }

    /** The window in words for a problem's detail: "15 minutes", "hour", "day", "90 s". */
    String windowInWords() {
        long s = window.getSeconds();
        if (s == 86_400) {
            return "day";
        }
        if (s == 3_600) {
            return "hour";
        }
        if (s == 60) {
            return "minute";
        }
        if (s % 86_400 == 0) {
            return s / 86_400 + " days";
        }
        if (s % 3_600 == 0) {
            return s / 3_600 + " hours";
        }
        if (s % 60 == 0) {
            return s / 60 + " minutes";
        }
        return s + " s";
    }
}
