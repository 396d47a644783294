package io.devshare.device.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.device.repository.DeviceQueries;

@Schema(
        description = "A GeoJSON FeatureCollection (RFC 7946) of device positions; truncated tells that more devices"
                + " matched than limit.")
public record LocationsResponse(
        @Schema(examples = "FeatureCollection") String type, List<Feature> features, boolean truncated) {

    @Schema(description = "A GeoJSON Feature: one device at its last position.")
    public record Feature(@Schema(examples = "Feature") String type, UUID id, Point geometry, Properties properties) {}

    @Schema(description = "A GeoJSON Point: [lon, lat] or [lon, lat, altitude].")
    public record Point(
            @Schema(examples = "Point") String type,
            @Schema(examples = "[8.5417, 47.3769, 408.2]") List<Double> coordinates) {}

    @Schema(description = "What the map shows of the device.")
    public record Properties(
            UUID id,
            @Schema(examples = "Rover 7 (Riverside)") String displayName,
            @Schema(examples = "GNSS_ROVER") String kind,
            @Schema(examples = "2026-11-24T09:15:00Z") OffsetDateTime recordedAt,
            @Schema(examples = "0.02") Double accuracy) {}

    public static LocationsResponse of(List<DeviceQueries.Located> located, int limit) {
        List<Feature> features = new ArrayList<>();
        for (DeviceQueries.Located l : located.subList(0, Math.min(limit, located.size()))) {
            List<Double> coordinates =
                    new ArrayList<>(List.of(l.position().lon(), l.position().lat()));
            if (l.position().altitude() != null) {
                coordinates.add(l.position().altitude());
            }
            features.add(new Feature(
                    "Feature",
                    l.id(),
                    new Point("Point", coordinates),
                    new Properties(
                            l.id(),
                            l.displayName(),
                            l.kind(),
                            l.position().recordedAt(),
                            l.position().accuracy())));
        }
        return new LocationsResponse("FeatureCollection", features, located.size() > limit);
    }
}
