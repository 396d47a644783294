package io.devshare.partner.rest;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Decline an invitation, optionally saying why (the inviter is told).")
public record DeclineRequest(
        @Schema(description = "At most 500 characters", examples = "Our fleet is fully booked this season.")
        @Size(max = 500)
        String reason) {}
