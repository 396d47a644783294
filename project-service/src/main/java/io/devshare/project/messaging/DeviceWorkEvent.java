package io.devshare.project.messaging;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.devshare.common.events.MalformedEventException;

/**
 * project-service's own reading of device-service's design.fetched, design.reported {status APPLIED|FAILED,
 * message?} and session.joined: what a device did with a transfer or a session.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceWorkEvent(UUID transferId, UUID sessionId, UUID deviceId, String status, String message) {

    public UUID requireTransfer() {
        if (transferId == null || deviceId == null) {
            throw new MalformedEventException("design event without transferId or deviceId");
        }
        return transferId;
    }

    public UUID requireSession() {
        if (sessionId == null || deviceId == null) {
            throw new MalformedEventException("session event without sessionId or deviceId");
        }
        return sessionId;
    }

    public boolean applied() {
        if ("APPLIED".equalsIgnoreCase(status)) {
            return true;
        }
        if ("FAILED".equalsIgnoreCase(status)) {
            return false;
        }
        throw new MalformedEventException("design report neither APPLIED nor FAILED");
    }

    /** The device's message, bounded. */
    public String boundedMessage() {
        return message == null || message.length() <= 2000 ? message : message.substring(0, 2000);
    }
}
