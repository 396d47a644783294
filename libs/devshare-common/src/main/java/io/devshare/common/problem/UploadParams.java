package io.devshare.common.problem;

import jakarta.ws.rs.core.MediaType;

/**
 * Reads the headers (or parameters) that describe an uploaded file, taken as text, so that a bad value is a 400
 * problem naming the field: {@code filename}, {@code Content-Type}, {@code Content-Length}.
 */
public final class UploadParams {

    private static final String FILENAME = "[^/\\\\\\p{Cntrl}]{1,255}";

    private UploadParams() {}

    /** The file's name, stripped: 1 to 255 characters, no path separators or control characters; null when absent. */
    public static String filename(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String name = value.strip();
        if (!name.matches(FILENAME) || name.equals(".") || name.equals("..")) {
            throw ProblemException.badRequest(
                    "filename", "1 to 255 characters, without path separators or control characters");
        }
        return name;
    }

    /** A concrete media type (no wildcards, at most 255 characters); {@code application/octet-stream} when absent. */
    public static String contentType(String value) {
        if (value == null || value.isBlank()) {
            return MediaType.APPLICATION_OCTET_STREAM;
        }
        String type = value.strip();
        try {
            MediaType parsed = MediaType.valueOf(type);
            if (parsed.isWildcardType() || parsed.isWildcardSubtype() || type.length() > 255) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("Content-Type", "not a concrete media type");
        }
        return type;
    }

    /** The declared length in bytes, or null when absent. */
    public static Long contentLength(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Content-Length", "not a number");
        }
    }
}
