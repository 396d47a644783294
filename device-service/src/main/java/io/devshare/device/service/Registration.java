package io.devshare.device.service;

import io.devshare.device.Device;

/** A newly registered device and its secret, which exists only in this answer. */
public record Registration(Device device, String secret) {}
