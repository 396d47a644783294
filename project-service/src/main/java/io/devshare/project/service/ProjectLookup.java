package io.devshare.project.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import io.smallrye.mutiny.Uni;

import io.devshare.project.Project;
import io.devshare.project.repository.ProjectRepository;

/** A project of the caller's organization, or a 404 (the same for another organization's and an unknown id). */
@ApplicationScoped
public class ProjectLookup {

    private final ProjectRepository projects;

    @Inject
    public ProjectLookup(ProjectRepository projects) {
        this.projects = projects;
    }

    /** In the caller's session. */
    public Uni<Project> visible(String org, UUID id) {
        return projects.findById(id).map(p -> check(org, p));
    }

    /** Locked for the caller's transaction, and not closed (409). */
    public Uni<Project> changeable(String org, UUID id) {
        return projects.findById(id, LockModeType.PESSIMISTIC_WRITE).map(p -> {
            check(org, p);
            if (p.closed()) {
                throw Errors.projectClosed();
            }
            return p;
        });
    }

    private static Project check(String org, Project p) {
        if (p == null || !p.org.equals(org)) {
            throw Errors.noSuchProject();
        }
        return p;
    }
}
