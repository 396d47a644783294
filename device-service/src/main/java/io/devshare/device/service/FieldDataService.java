package io.devshare.device.service;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

import io.devshare.common.db.DbClock;
import io.devshare.common.db.ReactiveWork;
import io.devshare.common.files.StoredFile;
import io.devshare.common.page.Page;
import io.devshare.common.page.PageCursor;
import io.devshare.device.FieldDataFile;
import io.devshare.device.config.FieldDataConfig;
import io.devshare.device.repository.DeviceAccess;
import io.devshare.device.repository.DeviceQueries;
import io.devshare.device.repository.FieldDataRepository;

/**
 * Field data: a device streams a file in (stored on disk first, then recorded with its event in one transaction —
 * a failed upload leaves neither file nor row); the owner, and organizations granted {@code read-field-data}, list
 * and download it.
 */
@ApplicationScoped
public class FieldDataService {

    private final FieldDataRepository files;
    private final FieldDataStorage storage;
    private final DeviceQueries queries;
    private final DeviceEventWriter events;
    private final Vertx vertx;
    private final long maxBytes;

    @Inject
    public FieldDataService(
            FieldDataRepository files,
            FieldDataStorage storage,
            DeviceQueries queries,
            DeviceEventWriter events,
            Vertx vertx,
            FieldDataConfig config) {
        this.files = files;
        this.storage = storage;
        this.queries = queries;
        this.events = events;
        this.vertx = vertx;
        this.maxBytes = config.maxSize().asLongValue();
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Blocking (worker thread): stores the body of an authenticated device's upload and records it. A declared
     * length over the limit is refused before anything is read.
     */
    public FieldDataFile upload(
            AuthenticatedDevice device, InputStream body, Long declaredLength, String contentType, String filename) {
        if (declaredLength != null && declaredLength > maxBytes) {
            throw ProblemWithHeaders.tooLarge(maxBytes);
        }
        UUID fileId = UUID.randomUUID();
        StoredFile stored = storage.store(device.id(), fileId, body, maxBytes);
        FieldDataFile f = new FieldDataFile();
        f.id = fileId;
        f.deviceId = device.id();
        f.ownerOrg = device.ownerOrg();
        f.filename = filename;
        f.contentType = contentType;
        f.size = stored.size();
        f.sha256 = stored.sha256();
        f.storagePath = stored.relativePath();
        f.uploadedAt = DbClock.now();
        try {
            ReactiveWork.await(
                    () -> Panache.withTransaction(() -> files.persist(f).call(() -> events.fieldDataUploaded(f))));
        } catch (RuntimeException e) {
            storage.delete(stored.relativePath());
            if (Errors.isForeignKeyViolation(e)) {
                // The device was deleted while it uploaded: its credentials no longer exist.
                throw ProblemWithHeaders.deviceUnauthorized();
            }
            throw e;
        }
        return f;
    }

    /** The device's files, newest first, for the owner or an organization granted read-field-data. */
    public Uni<Page<FieldDataFile>> list(String org, UUID deviceId, PageCursor cursor, int limit) {
        return requireReadable(org, deviceId).chain(() -> {
            String q = "deviceId = :device";
            Parameters params = Parameters.with("device", deviceId);
            if (cursor != null) {
                q += " and (uploadedAt < :at or (uploadedAt = :at and id < :id))";
                params.and("at", cursor.at()).and("id", cursor.id());
            }
            String query = q;
            return Panache.withSession(() -> files.find(query, Sort.descending("uploadedAt", "id"), params)
                    .page(0, limit + 1)
                    .list()
                    .map(rows -> Page.of(rows, limit, f -> new PageCursor(f.uploadedAt, f.id), f -> f)));
        });
    }

    /** A file to download, with its path on disk. */
    public record Download(FieldDataFile file, Path path) {}

    public Uni<Download> download(String org, UUID deviceId, UUID fileId) {
        return requireReadable(org, deviceId)
                .chain(() -> Panache.withSession(() -> files.findById(fileId)))
                .chain(f -> {
                    if (f == null || !f.deviceId.equals(deviceId)) {
                        throw Errors.noSuchFile();
                    }
                    return vertx.executeBlocking(() -> storage.resolve(f.storagePath), false)
                            .map(path -> {
                                if (path == null) {
                                    throw Errors.noSuchFile();
                                }
                                return new Download(f, path);
                            });
                });
    }

    private Uni<Void> requireReadable(String org, UUID deviceId) {
        return queries.access(org, deviceId, DeviceAccess.READ_FIELD_DATA).map(access -> {
            if (!access.allowed()) {
                throw access.sees() ? Errors.lacksCapability(DeviceAccess.READ_FIELD_DATA) : Errors.noSuchDevice();
            }
            return null;
        });
    }
}
