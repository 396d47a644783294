package io.devshare.common.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A structured-mode CloudEvent as a consumer reads it: the envelope attributes and the raw {@code data}, which
 * the consumer maps onto its own tolerant record of the event.
 */
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {

    /**
     * Parses a structured CloudEvent (JSON). Throws {@link MalformedEventException} when the text is not JSON or
     * lacks a required attribute.
     */
    public static IncomingEvent parse(ObjectMapper mapper, String json) {
        if (json == null) {
            throw new MalformedEventException("empty record");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("not JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new MalformedEventException("not a JSON object");
        }
        String id = text(root, "id");
        String type = text(root, "type");
        String source = text(root, "source");
        if (id == null || type == null || source == null) {
            throw new MalformedEventException("missing one of the attributes id, type, source");
        }
        OffsetDateTime time = null;
        String t = text(root, "time");
        if (t != null) {
            try {
                time = OffsetDateTime.parse(t);
            } catch (DateTimeParseException e) {
                throw new MalformedEventException("invalid time attribute");
            }
        }
        return new IncomingEvent(id, type, source, text(root, "subject"), time, root.get("data"));
    }

    /** Maps {@code data} onto the consumer's record type; unknown members are ignored. */
    public <T> T dataAs(ObjectMapper mapper, Class<T> type) {
        if (data == null || !data.isObject()) {
            throw new MalformedEventException("data is not a JSON object");
        }
        try {
            return mapper.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(
                    "data does not match " + type.getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode n = root.get(field);
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }
}
