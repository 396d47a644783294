package io.devshare.notification.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * notification-service's reading of {@code io.devshare.sharing.access.updated} (one per device of a changed grant):
 * only what keeps a share's end reminder current.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccessChangedEvent(
        UUID deviceId,
        UUID grantId,
        UUID actionId,
        String ownerOrg,
        String granteeOrg,
        String role,
        OffsetDateTime endsAt,
        OffsetDateTime occurredAt) {

    public AccessChangedEvent {
        if (grantId == null) {
            throw new IllegalArgumentException("grantId is required");
        }
        if (ownerOrg == null || ownerOrg.isBlank() || granteeOrg == null || granteeOrg.isBlank()) {
            throw new IllegalArgumentException("ownerOrg and granteeOrg are required");
        }
    }
}
