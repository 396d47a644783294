package io.devshare.common.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Thrown by services to answer with a problem+json response. Carries no secrets: its detail is shown to
 * the caller as is.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String title;
    private final String slug;
    private final List<Problem.FieldError> errors;
    private final Map<String, Object> extensions;
    private Map<String, String> headers = Map.of();

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of(), Map.of());
    }

    public ProblemException(
            int status,
            String slug,
            String title,
            String detail,
            List<Problem.FieldError> errors,
            Map<String, Object> extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
        this.extensions = new LinkedHashMap<>(extensions);
    }

    public static ProblemException notFound(String detail, Map<String, Object> extensions) {
        return new ProblemException(404, "not-found", "Not found", detail, List.of(), extensions);
    }

    public static ProblemException conflict(String slug, String detail, Map<String, Object> extensions) {
        return new ProblemException(409, slug, "Conflict", detail, List.of(), extensions);
    }

    public static ProblemException unprocessable(String slug, String detail) {
        return new ProblemException(422, slug, "Unprocessable request", detail);
    }

    /** 429 with {@code Retry-After} (seconds). */
    public static ProblemException tooManyRequests(String detail, long retryAfterSeconds) {
        ProblemException e = new ProblemException(
                429,
                "too-many-attempts",
                "Too many attempts",
                detail,
                List.of(),
                Map.of("retryAfter", retryAfterSeconds));
        e.headers = Map.of("Retry-After", Long.toString(retryAfterSeconds));
        return e;
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(
                400,
                "invalid-request",
                "Invalid request",
                field + ": " + message,
                List.of(new Problem.FieldError(field, message)),
                Map.of());
    }

    public int status() {
        return status;
    }

    /** Response headers the problem calls for (e.g. {@code Retry-After}). */
    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(URI instance) {
        return new Problem(Problems.type(slug), title, status, getMessage(), instance, errors, extensions);
    }
}
