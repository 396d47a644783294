package io.devshare.e2e;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * One generated request. {@link #toString()} is short (jqwik prints samples); {@link #curl} reproduces it exactly.
 */
record FuzzRequest(
        String service,
        String operation,
        String method,
        String path,
        String contentType,
        String body,
        String idempotencyKey,
        FuzzInputs.Auth auth) {

    /** The body's bytes: UTF-8, with each {@link FuzzInputs#BAD_UTF8} marker replaced by the invalid bytes C3 28. */
    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = body.split(FuzzInputs.BAD_UTF8, -1);
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                out.write(0xC3);
                out.write(0x28);
            }
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    /** A shell command that sends the same bytes ({@code $TOKEN}: see {@code credentials}). */
    String curl(String baseUrl, String credentials) {
        StringBuilder b = new StringBuilder();
        b.append("printf %s '")
                .append(Base64.getEncoder().encodeToString(bytes()))
                .append("' | base64 -d | curl -sS -i -X ")
                .append(method)
                .append(" '")
                .append(baseUrl)
                .append(path)
                .append("' ")
                .append(credentials);
        if (contentType != null && !contentType.isEmpty()) {
            b.append(" -H 'Content-Type: ").append(contentType).append("'");
        }
        if (idempotencyKey != null) {
            b.append(" -H 'Idempotency-Key: ").append(idempotencyKey).append("'");
        }
        return b.append(" --data-binary @-").toString();
    }

    @Override
    public String toString() {
        return method + " " + abbreviate(path, 120) + " [" + auth + ", " + contentType
                + (idempotencyKey == null ? "" : ", Idempotency-Key") + "] " + abbreviate(escape(body), 300);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + " chars)";
    }

    /** Java-style escapes for everything outside printable ASCII, so the printed body shows what was sent. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c < 0x7F) {
                b.append(c);
            } else {
                b.append(String.format("\\u%04X", (int) c));
            }
        }
        return b.toString().replace("\\uE000BAD-UTF8\\uE000", "<C3 28>");
    }
}
