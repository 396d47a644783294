package io.devshare.project.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DbClock;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.common.problem.ProblemException;
import io.devshare.project.Project;
import io.devshare.project.ProjectActivity;
import io.devshare.project.repository.ProjectRepository;

/** Projects of an organization: create, list, change, close (closing takes every device off it). */
@ApplicationScoped
public class ProjectService {

    private final ProjectRepository projects;
    private final ProjectLookup lookup;
    private final AssignmentService assignments;
    private final ActivityLog activity;

    @Inject
    public ProjectService(
            ProjectRepository projects, ProjectLookup lookup, AssignmentService assignments, ActivityLog activity) {
        this.projects = projects;
        this.lookup = lookup;
        this.assignments = assignments;
        this.activity = activity;
    }

    public Uni<Project> create(String org, String userId, ProjectSpec spec) {
        OffsetDateTime now = DbClock.now();
        checkDates(spec.startDate(), spec.endDate());
        Project p = new Project();
        p.id = UUID.randomUUID();
        p.org = org;
        p.name = spec.name();
        p.address = spec.address();
        p.polygon = spec.polygon();
        p.startDate = spec.startDate();
        p.endDate = spec.endDate();
        p.status = spec.status() == null ? Project.Status.PLANNED : spec.status();
        p.createdBy = userId;
        p.createdAt = now;
        p.updatedAt = now;
        return Panache.withTransaction(() -> projects.persist(p)
                .call(() -> activity.record(
                        p.id,
                        ProjectActivity.Type.PROJECT_CREATED,
                        new ActivityLog.Entry(null, null, null, null, userId, null, p.name),
                        now))
                .replaceWith(p));
    }

    public Uni<Project> get(String org, UUID id) {
        return Panache.withSession(() -> lookup.visible(org, id));
    }

    public Uni<Page<Project>> list(String org, Project.Status status, PageCursor cursor, int limit) {
        String q = "org = :org";
        Parameters params = Parameters.with("org", org);
        if (status != null) {
            q += " and status = :status";
            params.and("status", status);
        }
        if (cursor != null) {
            q += " and (createdAt < :at or (createdAt = :at and id < :id))";
            params.and("at", cursor.at()).and("id", cursor.id());
        }
        String query = q;
        return Panache.withSession(() -> projects.find(query, Sort.descending("createdAt", "id"), params)
                .page(0, limit + 1)
                .list()
                .map(rows -> Page.of(rows, limit, p -> new PageCursor(p.createdAt, p.id), p -> p)));
    }

    /** Changes what the spec names; a closed project cannot change (409); status CLOSED closes it. */
    public Uni<Project> update(String org, String userId, UUID id, ProjectSpec spec) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lookup.changeable(org, id).chain(p -> {
            List<String> changed = new ArrayList<>();
            if (spec.name() != null && !spec.name().equals(p.name)) {
                p.name = spec.name();
                changed.add("name");
            }
            if (spec.siteGiven()) {
                if (!Objects.equals(spec.address(), p.address) || !Objects.equals(spec.polygon(), p.polygon)) {
                    changed.add("site");
                }
                p.address = spec.address();
                p.polygon = spec.polygon();
            }
            if (spec.startDate() != null && !spec.startDate().equals(p.startDate)) {
                p.startDate = spec.startDate();
                changed.add("startDate");
            }
            if (spec.endDate() != null && !spec.endDate().equals(p.endDate)) {
                p.endDate = spec.endDate();
                changed.add("endDate");
            }
            checkDates(p.startDate, p.endDate);
            if (spec.status() == Project.Status.CLOSED) {
                return close(p, userId, now);
            }
            if (spec.status() != null && spec.status() != p.status) {
                p.status = spec.status();
                changed.add("status");
            }
            if (changed.isEmpty()) {
                return Uni.createFrom().item(p);
            }
            p.updatedAt = now;
            return activity.record(
                            p.id,
                            ProjectActivity.Type.PROJECT_UPDATED,
                            new ActivityLog.Entry(null, null, null, null, userId, null, String.join(", ", changed)),
                            now)
                    .replaceWith(p);
        }));
    }

    public Uni<Project> close(String org, String userId, UUID id) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> lookup.changeable(org, id).chain(p -> close(p, userId, now)));
    }

    private Uni<Project> close(Project p, String userId, OffsetDateTime now) {
        p.status = Project.Status.CLOSED;
        p.closedAt = now;
        p.updatedAt = now;
        return assignments
                .projectClosed(p, userId, now)
                .call(() -> activity.record(
                        p.id,
                        ProjectActivity.Type.PROJECT_CLOSED,
                        new ActivityLog.Entry(null, null, null, null, userId, null, null),
                        now))
                .replaceWith(p);
    }

    public Uni<Page<ProjectActivity>> activity(String org, UUID id, PageCursor cursor, int limit) {
        return Panache.withSession(() -> lookup.visible(org, id).chain(p -> activity.page(p.id, cursor, limit)));
    }

    private static void checkDates(java.time.LocalDate start, java.time.LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            throw ProblemException.badRequest("endDate", "must not be before startDate");
        }
    }
}
