package io.devshare.device.service;

import java.util.List;

import io.devshare.device.Device;

/** What an admin registers: the device's identity and how the organization names and tags it. */
public record DeviceSpec(
        String serialNumber,
        String manufacturer,
        String model,
        Device.Kind kind,
        String displayName,
        List<String> tags) {}
