package io.devshare.project.service;

import java.time.LocalDate;

import io.devshare.project.Project;

/**
 * What a create or change asks for, validated by the REST layer. On a change, null means "keep", and the site
 * (address and polygon together) is replaced when {@code siteGiven}; {@code polygon} is normalised GeoJSON text.
 */
public record ProjectSpec(
        String name,
        String address,
        String polygon,
        LocalDate startDate,
        LocalDate endDate,
        Project.Status status,
        boolean siteGiven) {}
