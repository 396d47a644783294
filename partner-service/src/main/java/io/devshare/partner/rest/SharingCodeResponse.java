package io.devshare.partner.rest;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.partner.SharingCode;
import io.devshare.partner.service.SharingCodeService;

@Schema(description = "Your organization's personal sharing code: give it to a partner so it can connect with you.")
public record SharingCodeResponse(
        @Schema(examples = "K7QM-2XHD-PW9R") String code,

        @Schema(description = "When this code was generated", examples = "2026-11-24T08:00:00Z")
        OffsetDateTime createdAt) {

    public static SharingCodeResponse of(SharingCode c) {
        return new SharingCodeResponse(SharingCodeService.format(c.code), c.createdAt);
    }
}
