package io.devshare.sharing.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The grants one share request made.")
public record ShareResponse(UUID actionId, List<GrantResponse> grants) {}
