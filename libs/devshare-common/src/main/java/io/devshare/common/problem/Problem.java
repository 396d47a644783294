package io.devshare.common.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code errors} names each offending field of the request; {@code extensions}
 * carries problem-specific members (for example the alias that was not found).
 */
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        URI instance,
        List<FieldError> errors,
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** The JSON body: the standard members, then {@code errors}, then the extension members at top level. */
    public Map<String, Object> toBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.toString());
        body.put("title", title);
        body.put("status", status);
        if (detail != null) {
            body.put("detail", detail);
        }
        if (instance != null) {
            body.put("instance", instance.toString());
        }
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return body;
    }

    /** One invalid part of the request: {@code field} is a JSON path (e.g. {@code notifyEmails[2]}). */
    public record FieldError(String field, String message) {}
}
