package io.devshare.device.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.devshare.device.service.GroupView;

@Schema(description = "A group of your organization's devices.")
public record DeviceGroupResponse(
        @Schema(examples = "7c3e2f10-4a8b-4c1d-9e5f-0a1b2c3d4e5f")
        UUID id,

        @Schema(examples = "Riverside rovers") String name,
        @Schema(examples = "2") long deviceCount,

        @Schema(
                description = "Its devices, in the order they were added (only when reading one group)",
                examples = "[\"0b6f6a3e-61c2-4b7e-9d0c-5a7a4f1e2c33\"]")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<UUID> deviceIds,

        @Schema(examples = "2026-11-24T08:00:00Z") OffsetDateTime createdAt,
        @Schema(examples = "2026-11-24T08:00:00Z") OffsetDateTime updatedAt) {

    public static DeviceGroupResponse of(GroupView v) {
        return new DeviceGroupResponse(
                v.group().id, v.group().name, v.deviceCount(), v.deviceIds(), v.group().createdAt, v.group().updatedAt);
    }
}
