package io.devshare.device.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(
        description = "Work waiting for the device: designs to fetch, remote sessions to open. Always empty for now;"
                + " project-service fills it once devices work in projects.")
public record WorkResponse(@Schema(examples = "[]") List<Object> items) {}
