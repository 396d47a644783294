package io.devshare.device.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.device.LicencePool;

@Schema(description = "An organization's licence pool: one licence per registered device.")
public record LicencesResponse(
        @Schema(examples = "acme") String organization,
        @Schema(examples = "50") int size,
        @Schema(examples = "12") int used,

        @Schema(description = "size - used, never below 0", examples = "38")
        int available) {

    public static LicencesResponse of(LicencePool p) {
        return new LicencesResponse(p.orgAlias, p.size, p.used, Math.max(0, p.size - p.used));
    }
}
