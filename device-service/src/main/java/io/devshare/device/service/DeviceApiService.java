package io.devshare.device.service;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.db.DbClock;
import io.devshare.common.problem.Problem;
import io.devshare.common.problem.ProblemException;
import io.devshare.device.repository.DeviceQueries;

/**
 * What devices do with their own credentials: report their position (kept as the last known one, not published:
 * see {@link io.devshare.device.messaging.DeviceEvents}), and fetch pending work.
 */
@ApplicationScoped
public class DeviceApiService {

    /** A clock a little ahead on the device is tolerated; further ahead is a bad report. */
    static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

    private final DeviceQueries queries;

    @Inject
    public DeviceApiService(DeviceQueries queries) {
        this.queries = queries;
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

    /**
     * Pending work for the device (designs to fetch, remote sessions to open). Always empty for now: project-service
     * will fill it when devices are assigned to projects.
     */
    public Uni<List<Object>> pendingWork(AuthenticatedDevice device) {
        return Uni.createFrom().item(List.of());
    }
}
