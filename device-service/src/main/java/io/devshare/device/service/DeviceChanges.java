package io.devshare.device.service;

import java.util.List;

import io.devshare.device.Device;

/** A partial update of a device: null members stay as they are (serial number and manufacturer never change). */
public record DeviceChanges(String model, Device.Kind kind, String displayName, List<String> tags) {}
