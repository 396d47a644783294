package io.devshare.project.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.devshare.common.events.MalformedEventException;

/** project-service's own, tolerant reading of device-service's device.registered|updated|deleted. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceEvent(UUID deviceId, String ownerOrg, String displayName, String kind) {

    public DeviceEvent valid() {
        if (deviceId == null || ownerOrg == null || ownerOrg.isBlank()) {
            throw new MalformedEventException("device event without deviceId or ownerOrg");
        }
        return this;
    }
}
