package io.devshare.project.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.project.Project;

@Schema(description = "A project of your organization.")
public record ProjectResponse(
        UUID id,
        @Schema(examples = "acme") String org,
        @Schema(examples = "Riverside earthworks") String name,
        Site site,
        LocalDate startDate,
        LocalDate endDate,

        @Schema(description = "PLANNED, ACTIVE or CLOSED", examples = "ACTIVE")
        String status,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        OffsetDateTime closedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Schema(description = "The site: address and/or GeoJSON Polygon.")
    public record Site(String address, JsonNode polygon) {}

    public static ProjectResponse of(Project p) {
        return new ProjectResponse(
                p.id,
                p.org,
                p.name,
                new Site(p.address, polygon(p.polygon)),
                p.startDate,
                p.endDate,
                p.status.name(),
                p.createdAt,
                p.updatedAt,
                p.closedAt);
    }

    private static JsonNode polygon(String text) {
        if (text == null) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored polygon unreadable", e);
        }
    }
}
