package io.devshare.common.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * Reads Keycloak's {@code organization} claim in either of its shapes: a list of aliases ({@code ["acme"]}) or
 * an object keyed by alias ({@code {"acme": {"id": "…"}}}).
 */
public final class OrganizationClaim {

    public static final String NAME = "organization";

    private OrganizationClaim() {}

    public static List<String> aliases(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim == null) {
            return out;
        }
        if (claim instanceof JsonObject obj) {
            out.addAll(obj.keySet());
        } else if (claim instanceof JsonArray arr) {
            for (JsonValue v : arr) {
                if (v instanceof JsonString s) {
                    out.add(s.getString());
                }
            }
        } else if (claim instanceof JsonString s) {
            out.add(s.getString());
        } else if (claim instanceof Map<?, ?> map) {
            map.keySet().forEach(k -> out.add(String.valueOf(k)));
        } else if (claim instanceof Collection<?> c) {
            c.forEach(v -> out.add(String.valueOf(v)));
        } else if (claim instanceof String s) {
            out.add(s);
        }
        out.removeIf(a -> a == null || a.isBlank());
        return out;
    }
}
