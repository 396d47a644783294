package io.devshare.common.page;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import io.devshare.common.problem.ProblemException;

/**
 * Keyset position in a list ordered by (time descending, id descending): the last row a page showed. Encoded as
 * opaque URL-safe text, so clients cannot depend on its form.
 */
public record PageCursor(OffsetDateTime at, UUID id) {

    public String encode() {
        String raw = at.toInstant() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** Null for a null or blank cursor (first page); a 400 problem naming {@code cursor} when it is not ours. */
    public static PageCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = raw.indexOf('|');
            return new PageCursor(
                    Instant.parse(raw.substring(0, bar)).atOffset(ZoneOffset.UTC),
                    UUID.fromString(raw.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor", "not a cursor this list returned");
        }
    }
}
