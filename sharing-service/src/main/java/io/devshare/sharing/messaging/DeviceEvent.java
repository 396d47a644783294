package io.devshare.sharing.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import io.devshare.common.events.MalformedEventException;

/**
 * sharing-service's own, tolerant reading of device-service's device and group events: only the ids, the owner
 * organization's alias, the device's display name and, for membership changes, whether the device was added or removed.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceEvent(
        UUID deviceId, UUID groupId, JsonNode ownerOrg, JsonNode owner, String change, String displayName) {

    /** The device's display name on one line, or null when the event carries none. */
    public String name() {
        if (displayName == null || displayName.isBlank()) {
            return null;
        }
        return displayName.replaceAll("\\p{Cntrl}+", " ").strip();
    }

    /** The owner's alias, whether the event names it as a string or as an object with an alias. */
    public String ownerAlias() {
        for (JsonNode n : new JsonNode[] {ownerOrg, owner}) {
            if (n != null && n.isTextual() && !n.asText().isBlank()) {
                return n.asText();
            }
            if (n != null && n.isObject() && n.hasNonNull("alias")) {
                return n.get("alias").asText();
            }
        }
        throw new MalformedEventException("device event without its owner organization");
    }

    public UUID requireDevice() {
        if (deviceId == null) {
            throw new MalformedEventException("device event without deviceId");
        }
        return deviceId;
    }

    public UUID requireGroup() {
        if (groupId == null) {
            throw new MalformedEventException("group event without groupId");
        }
        return groupId;
    }

    public boolean added() {
        if ("ADDED".equalsIgnoreCase(change)) {
            return true;
        }
        if ("REMOVED".equalsIgnoreCase(change)) {
            return false;
        }
        throw new MalformedEventException("membership change neither ADDED nor REMOVED");
    }
}
