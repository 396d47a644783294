package io.devshare.common.problem;

import java.util.Locale;
import java.util.UUID;

/**
 * Reads query parameters taken as text, so that a bad value is a 400 problem naming the parameter (a typed JAX-RS
 * parameter that cannot be converted answers a bare 404 instead).
 */
public final class RequestParams {

    private RequestParams() {}

    /** The enum constant named by {@code value} (case-insensitive), or null when absent. */
    public static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "unknown value '" + value + "'");
        }
    }

    /** A page size: {@code defaultLimit} when absent, else 1..{@code max}. */
    public static int limit(String value, int defaultLimit, int max) {
        if (value == null || value.isBlank()) {
            return defaultLimit;
        }
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + max);
        }
        if (n < 1 || n > max) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + max);
        }
        return n;
    }

    public static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "not a UUID");
        }
    }
}
