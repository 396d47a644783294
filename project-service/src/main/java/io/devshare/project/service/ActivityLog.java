package io.devshare.project.service;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.project.ProjectActivity;
import io.devshare.project.repository.ActivityRepository;

/** The activity of a project: written in the transaction of each change, read newest first. */
@ApplicationScoped
public class ActivityLog {

    private final ActivityRepository activity;

    @Inject
    public ActivityLog(ActivityRepository activity) {
        this.activity = activity;
    }

    /** What an entry is about besides its type (ids it names, who, why, a short text). */
    public record Entry(
            UUID deviceId, UUID designId, UUID transferId, UUID sessionId, String actor, String reason, String detail) {

        public static Entry device(UUID deviceId, String actor, String reason, String detail) {
            return new Entry(deviceId, null, null, null, actor, reason, detail);
        }
    }

    public Uni<Void> record(UUID projectId, ProjectActivity.Type type, Entry e, OffsetDateTime at) {
        ProjectActivity a = new ProjectActivity();
        a.id = Ids.ordered();
        a.projectId = projectId;
        a.at = at;
        a.type = type;
        a.deviceId = e.deviceId();
        a.designId = e.designId();
        a.transferId = e.transferId();
        a.sessionId = e.sessionId();
        a.actor = e.actor();
        a.reason = e.reason();
        a.detail = e.detail() == null || e.detail().length() <= 2000
                ? e.detail()
                : e.detail().substring(0, 2000);
        return activity.persist(a).replaceWithVoid();
    }

    /** In the caller's session. */
    public Uni<Page<ProjectActivity>> page(UUID projectId, PageCursor cursor, int limit) {
        String q = "projectId = :p";
        Parameters params = Parameters.with("p", projectId);
        if (cursor != null) {
            q += " and (at < :at or (at = :at and id < :id))";
            params.and("at", cursor.at()).and("id", cursor.id());
        }
        return activity.find(q, Sort.descending("at", "id"), params)
                .page(0, limit + 1)
                .list()
                .map(rows -> Page.of(rows, limit, a -> new PageCursor(a.at, a.id), a -> a));
    }
}
