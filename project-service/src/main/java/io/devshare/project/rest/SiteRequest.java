package io.devshare.project.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import io.devshare.common.problem.ProblemException;

@Schema(description = "Where the project is: an address, a GeoJSON Polygon of the site, or both.")
public record SiteRequest(
        @Schema(examples = "Riverside Road 12, 8004 Zurich") @Size(max = 500)
        String address,

        @Schema(
                description = "GeoJSON Polygon (RFC 7946): closed rings of [lon, lat] positions, at most 1000 in all",
                examples = "{\"type\":\"Polygon\",\"coordinates\":[[[8.54,47.37],[8.55,47.37],[8.55,47.38],"
                        + "[8.54,47.37]]]}")
        JsonNode polygon) {

    static final int MAX_POSITIONS = 1000;

    /** The polygon as compact JSON text, or null; a 400 naming {@code site.polygon} when it is not a valid one. */
    public String polygonText() {
        if (polygon == null || polygon.isNull()) {
            return null;
        }
        if (!polygon.isObject()
                || !"Polygon".equals(polygon.path("type").asText())
                || !polygon.path("coordinates").isArray()
                || polygon.path("coordinates").isEmpty()) {
            throw invalid("a GeoJSON Polygon with type and coordinates");
        }
        int positions = 0;
        for (JsonNode ring : polygon.get("coordinates")) {
            if (!ring.isArray() || ring.size() < 4) {
                throw invalid("each ring needs at least 4 positions");
            }
            for (JsonNode pos : ring) {
                if (!pos.isArray()
                        || pos.size() < 2
                        || pos.size() > 3
                        || !pos.get(0).isNumber()
                        || !pos.get(1).isNumber()) {
                    throw invalid("each position is [lon, lat] or [lon, lat, altitude]");
                }
                double lon = pos.get(0).asDouble();
                double lat = pos.get(1).asDouble();
                if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
                    throw invalid("longitude within -180..180, latitude within -90..90");
                }
                if (++positions > MAX_POSITIONS) {
                    throw invalid("at most " + MAX_POSITIONS + " positions");
                }
            }
            if (!ring.get(0).equals(ring.get(ring.size() - 1))) {
                throw invalid("each ring must be closed (first position = last position)");
            }
        }
        return polygon.toString();
    }

    public String addressText() {
        return address == null || address.isBlank() ? null : address.strip();
    }

    private static ProblemException invalid(String message) {
        return ProblemException.badRequest("site.polygon", message);
    }
}
