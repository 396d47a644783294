package io.devshare.device.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.devshare.common.events.MalformedEventException;

/**
 * device-service's own tolerant reading of sharing-service's {@code io.devshare.sharing.access.*} events: what
 * {@code granteeOrg} may do with one device through one grant. Unknown members are ignored.
 */
public record AccessEvent(
        UUID deviceId,
        UUID grantId,
        String ownerOrg,
        String granteeOrg,
        String role,
        List<String> capabilities,
        UUID groupId,
        OffsetDateTime startsAt,
        OffsetDateTime endsAt,
        String reason) {

    /** Roles are answered upper-case, as sharing-service names them, whatever case an event carries. */
    public AccessEvent {
        role = role == null ? null : role.strip().toUpperCase(Locale.ROOT);
    }

    /** The members every access event must carry; a record without them is malformed (dead-letter topic). */
    public AccessEvent requireComplete(boolean revoked) {
        if (deviceId == null || grantId == null || granteeOrg == null) {
            throw new MalformedEventException("access event without deviceId, grantId or granteeOrg");
        }
        if (!revoked && (role == null || capabilities == null)) {
            throw new MalformedEventException("access event without role or capabilities");
        }
        return this;
    }
}
