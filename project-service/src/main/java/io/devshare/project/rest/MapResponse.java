package io.devshare.project.rest;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.project.service.ProjectDataService;

@Schema(
        description = "A GeoJSON FeatureCollection (RFC 7946) of the project's devices at their last positions;"
                + " truncated tells that more devices matched than limit.")
public record MapResponse(
        @Schema(examples = "FeatureCollection") String type, List<Feature> features, boolean truncated) {

    @Schema(description = "A GeoJSON Feature: one device at its last position.")
    public record Feature(@Schema(examples = "Feature") String type, UUID id, Point geometry, Properties properties) {}

    @Schema(description = "A GeoJSON Point: [lon, lat] or [lon, lat, altitude].")
    public record Point(
            @Schema(examples = "Point") String type,
            @Schema(examples = "[8.5417, 47.3769, 408.2]") List<Double> coordinates) {}

    @Schema(description = "What the map shows of the device.")
    public record Properties(
            UUID deviceId,
            @Schema(examples = "Excavator 12 (CAT 336)") String displayName,
            @Schema(examples = "EXCAVATOR") String kind,
            @Schema(examples = "rentco") String ownerOrg,
            OffsetDateTime recordedAt,
            Double accuracy) {}

    public static MapResponse of(List<ProjectDataService.Located> located, int limit) {
        List<Feature> features = new ArrayList<>();
        for (ProjectDataService.Located l : located.subList(0, Math.min(limit, located.size()))) {
            List<Double> coordinates = new ArrayList<>(List.of(l.position().lon, l.position().lat));
            if (l.position().altitude != null) {
                coordinates.add(l.position().altitude);
            }
            UUID id = l.assignment().deviceId;
            features.add(new Feature(
                    "Feature",
                    id,
                    new Point("Point", coordinates),
                    new Properties(
                            id,
                            l.device() == null ? null : l.device().displayName,
                            l.device() == null ? null : l.device().kind,
                            l.assignment().ownerOrg,
                            l.position().recordedAt,
                            l.position().accuracy)));
        }
        return new MapResponse("FeatureCollection", features, located.size() > limit);
    }
}
