package io.devshare.project.rest;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A new project of your organization.")
public record CreateProjectRequest(
        @Schema(examples = "Riverside earthworks") @NotBlank @Size(max = 200)
        String name,

        @Schema(description = "Address and/or polygon (optional)") @Valid
        SiteRequest site,

        @Schema(examples = "2026-12-01") LocalDate startDate,
        @Schema(examples = "2027-03-31") LocalDate endDate,

        @Schema(description = "planned (default) or active", examples = "planned")
        String status) {}
