package io.devshare.sharing.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Change a grant's role and/or the end of its rental period.")
public record UpdateGrantRequest(
        @Schema(
                description = "VIEWER, OPERATOR or MANAGER (read in any case; answered upper-case)",
                enumeration = {"VIEWER", "OPERATOR", "MANAGER"},
                examples = "VIEWER")
        String role,

        @Schema(description = "New end of the rental period", examples = "2027-01-15T18:00:00Z")
        OffsetDateTime endsAt,

        @Schema(description = "true removes the end (open-ended); not together with endsAt")
        Boolean clearEndsAt) {}
