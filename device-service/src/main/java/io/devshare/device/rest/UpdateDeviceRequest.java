package io.devshare.device.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.device.Device;
import io.devshare.device.service.DeviceChanges;

@Schema(
        description = "A partial update: members left out (or null) stay as they are; tags, when given, replace the"
                + " device's tags. Serial number and manufacturer identify the hardware and cannot change.")
public record UpdateDeviceRequest(
        @Schema(examples = "Rover 7 (Harbour site)") @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*")
        String displayName,

        @Schema(examples = "SPS986") @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*")
        String model,

        @Schema(examples = "GNSS_ROVER") Device.Kind kind,

        @Schema(examples = "[\"harbour\"]") @Size(max = 20) List<@NotBlank @Size(max = 40) String> tags,

        @Schema(hidden = true) @Null(message = "cannot be changed; register the device anew")
        String serialNumber,

        @Schema(hidden = true) @Null(message = "cannot be changed; register the device anew")
        String manufacturer) {

    public DeviceChanges changes() {
        return new DeviceChanges(model, kind, displayName, tags);
    }
}
