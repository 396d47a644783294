package io.devshare.project.rest;

import java.time.LocalDate;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Changes to a project; what is absent stays. A site given replaces the whole site.")
public record UpdateProjectRequest(
        @Schema(examples = "Riverside earthworks, phase 2") @Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*")
        String name,

        @Valid SiteRequest site,
        LocalDate startDate,
        LocalDate endDate,

        @Schema(description = "planned, active or closed (closing takes every device off the project)")
        String status) {}
