package io.devshare.notification.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.devshare.common.events.MalformedEventException;

/** notification-service's reading of {@code invitation.cancelled|expired}: only which invitation left the list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationWithdrawnEvent(UUID invitationId) {

    public InvitationWithdrawnEvent {
        if (invitationId == null) {
            throw new MalformedEventException("invitation event without invitationId");
        }
    }
}
