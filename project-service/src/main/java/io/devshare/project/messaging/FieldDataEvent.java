package io.devshare.project.messaging;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.devshare.common.events.MalformedEventException;

/** project-service's own reading of device-service's fielddata.uploaded. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldDataEvent(
        UUID fileId,
        UUID deviceId,
        String ownerOrg,
        String filename,
        String contentType,
        Long size,
        String sha256,
        OffsetDateTime occurredAt) {

    public FieldDataEvent valid() {
        if (fileId == null || deviceId == null || ownerOrg == null) {
            throw new MalformedEventException("fielddata event without fileId, deviceId or ownerOrg");
        }
        return this;
    }
}
