package io.devshare.device.service;

import java.util.List;
import java.util.UUID;

import io.devshare.device.DeviceGroup;

/** A group with how many devices it has and, when asked for one group, their ids. */
public record GroupView(DeviceGroup group, long deviceCount, List<UUID> deviceIds) {}
