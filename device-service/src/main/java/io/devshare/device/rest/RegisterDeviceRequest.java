package io.devshare.device.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.device.Device;
import io.devshare.device.service.DeviceSpec;

@Schema(description = "Register a device for your organization; it uses one licence of your pool.")
public record RegisterDeviceRequest(
        @Schema(
                description = "Serial number, unique per manufacturer across all organizations (case-insensitive)",
                examples = "5834K01234")
        @NotBlank
        @Size(max = 100)
        String serialNumber,

        @Schema(examples = "Trimble") @NotBlank @Size(max = 100)
        String manufacturer,

        @Schema(examples = "SPS986") @NotBlank @Size(max = 100)
        String model,

        @Schema(
                description = "MACHINE_CONTROL, GNSS_ROVER, BASE_STATION, TOTAL_STATION, TABLET or OTHER",
                examples = "GNSS_ROVER")
        @NotNull
        Device.Kind kind,

        @Schema(description = "How your organization names it", examples = "Rover 7 (Riverside)")
        @NotBlank
        @Size(max = 200)
        String displayName,

        @Schema(description = "At most 20 tags of at most 40 characters", examples = "[\"riverside\", \"survey\"]")
        @Size(max = 20)
        List<@NotBlank @Size(max = 40) String> tags) {

    public DeviceSpec spec() {
        return new DeviceSpec(serialNumber, manufacturer, model, kind, displayName, tags);
    }
}
