package io.devshare.project.messaging;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.devshare.common.events.MalformedEventException;

/** project-service's own reading of sharing-service's access.granted|updated|revoked (one grant, one device). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessEvent(
        UUID deviceId,
        UUID grantId,
        String ownerOrg,
        String granteeOrg,
        String role,
        List<String> capabilities,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String reason) {

    public AccessEvent valid() {
        if (deviceId == null || grantId == null || ownerOrg == null || granteeOrg == null) {
            throw new MalformedEventException("access event without deviceId, grantId, ownerOrg or granteeOrg");
        }
        return this;
    }

    public List<String> capabilityList() {
        return capabilities == null ? List.of() : capabilities;
    }
}
