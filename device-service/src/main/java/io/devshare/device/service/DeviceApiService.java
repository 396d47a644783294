package io.devshare.device.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DbClock;
import io.devshare.common.problem.Problem;
import io.devshare.common.problem.ProblemException;
import io.devshare.device.client.ProjectDesigns;
import io.devshare.device.repository.DeviceQueries;
import io.devshare.device.repository.WorkItem;
import io.devshare.device.repository.WorkQueries;

/**
 * What devices do with their own credentials: report their position (kept as the last known one, not published:
 * see {@link io.devshare.device.events.DeviceEvents}), and do their pending work: fetch designs and report
 * them, join remote sessions.
 */
@ApplicationScoped
public class DeviceApiService {

    /** A clock a little ahead on the device is tolerated; further ahead is a bad report. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final DeviceQueries queries;
    private final WorkQueries work;
    private final ProjectDesigns designs;
    private final DeviceEventWriter events;

    @Inject
    public DeviceApiService(DeviceQueries queries, WorkQueries work, ProjectDesigns designs, DeviceEventWriter events) {
        this.queries = queries;
        this.work = work;
        this.designs = designs;
        this.events = events;
    }

    public Uni<Void> reportPosition(
            AuthenticatedDevice device,
            double lat,
            double lon,
            Double altitude,
            Double accuracy,
            OffsetDateTime recordedAt) {
        OffsetDateTime now = DbClock.now();
        if (recordedAt != null && recordedAt.isAfter(now.plus(FUTURE_TOLERANCE))) {
            throw new ProblemException(
                    400,
                    "invalid-request",
                    "Invalid request",
                    "recordedAt: must not be in the future",
                    List.of(new Problem.FieldError("recordedAt", "must not be in the future")),
                    Map.of());
        }
        return queries.reportPosition(device.id(), lat, lon, altitude, accuracy, recordedAt == null ? now : recordedAt)
                // Deleted while it reported: its credentials are gone with it.
                .onFailure(Errors::isForeignKeyViolation)
                .recoverWithItem(false)
                .map(exists -> {
                    if (!exists) {
                        throw ProblemWithHeaders.deviceUnauthorized();
                    }
                    return null;
                });
    }

    /** Designs to fetch and sessions to join, oldest first. */
    public Uni<List<WorkItem>> pendingWork(AuthenticatedDevice device) {
        return work.pending(device.id());
    }

    /**
     * Opens the content of one of the device's design transfers at project-service. The first successful fetch
     * marks it fetched and publishes {@code design.fetched} (delivered, for the project).
     */
    public Uni<ProjectDesigns.Upstream> fetchDesign(AuthenticatedDevice device, UUID transferId) {
        return work.design(device.id(), transferId)
                .onItem()
                .ifNull()
                .failWith(() ->
                        ProblemException.notFound("No design transfer " + transferId + " for this device.", Map.of()))
                .chain(item -> designs.open(transferId, device.id()))
                .chain(up -> {
                    if (up.status() == 404 || up.status() == 410) {
                        return Uni.createFrom()
                                .failure(ProblemException.notFound(
                                        "The design transfer " + transferId + " is no longer available.", Map.of()));
                    }
                    if (!up.ok()) {
                        return Uni.createFrom()
                                .failure(new ProblemException(
                                        503,
                                        "designs-unavailable",
                                        "Designs unavailable",
                                        "The design cannot be fetched right now; try again later.",
                                        List.of(),
                                        Map.of()));
                    }
                    OffsetDateTime now = DbClock.now();
                    return Panache.withTransaction(() -> work.markFetched(device.id(), transferId)
                                    .chain(first -> first
                                            ? events.designFetched(device, transferId, now)
                                            : Uni.createFrom().voidItem()))
                            .replaceWith(up);
                });
    }

    /** The device applied the design, or failed to: {@code design.reported}; the transfer leaves its work. */
    public Uni<Void> reportDesign(AuthenticatedDevice device, UUID transferId, String status, String message) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> work.designDone(device.id(), transferId)
                .chain(found -> {
                    if (!found) {
                        throw ProblemException.notFound(
                                "No design transfer " + transferId + " for this device.", Map.of());
                    }
                    return events.designReported(device, transferId, status, message, now);
                }));
    }

    /** The device joins a remote session that has not expired: {@code session.joined} (once). */
    public Uni<Void> joinSession(AuthenticatedDevice device, UUID sessionId) {
        OffsetDateTime now = DbClock.now();
        return Panache.withTransaction(() -> work.join(device.id(), sessionId)
                .chain(changed -> changed
                        ? events.sessionJoined(device, sessionId, now)
                        : work.joined(device.id(), sessionId).map(already -> {
                            if (!already) {
                                throw ProblemException.notFound(
                                        "No open session " + sessionId + " for this device (unknown or expired).",
                                        Map.of());
                            }
                            return null;
                        })));
    }
}
