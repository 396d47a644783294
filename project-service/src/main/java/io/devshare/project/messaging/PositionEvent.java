package io.devshare.project.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.devshare.common.events.MalformedEventException;

/** project-service's own reading of device-service's position.reported (topic device-positions). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PositionEvent(
        UUID deviceId,
        String ownerOrg,
        Double lat,
        Double lon,
        Double altitude,
        Double accuracy,
        OffsetDateTime recordedAt) {

    public PositionEvent valid() {
        if (deviceId == null || ownerOrg == null || lat == null || lon == null || recordedAt == null) {
            throw new MalformedEventException("position event without deviceId, ownerOrg, lat, lon or recordedAt");
        }
        if (lat < -90 || lat > 90 || lon < -180 || lon > 180) {
            throw new MalformedEventException("position out of range");
        }
        return this;
    }
}
