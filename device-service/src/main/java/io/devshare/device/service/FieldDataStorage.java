package io.devshare.device.service;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.devshare.common.files.FileStore;
import io.devshare.common.files.StoredFile;
import io.devshare.device.config.FieldDataConfig;

/**
 * Field-data files on disk, under {@code devshare.field-data.dir}: an upload is streamed to
 * {@code .incoming/<fileId>.part} (SHA-256 and size computed on the way, refused as soon as it passes the limit),
 * forced to disk, then moved atomically to {@code <deviceId>/<fileId>} (see {@link FileStore}). Blocking: call from
 * worker threads.
 */
@ApplicationScoped
public class FieldDataStorage {

    private final FileStore files;

    @Inject
    public FieldDataStorage(FieldDataConfig config) {
        this.files = new FileStore(config.dir());
    }

    /**
     * Streams {@code body} into the device's directory; nothing is left behind when it fails (413 with
     * {@code Connection: close} past the limit).
     */
    public StoredFile store(UUID deviceId, UUID fileId, InputStream body, long maxBytes) {
        return files.store(deviceId.toString(), fileId.toString(), body, maxBytes, ProblemWithHeaders::tooLarge);
    }

    /** The file's path on disk, if it is there. */
    public Path resolve(String relativePath) {
        return files.resolve(relativePath);
    }

    public void delete(String relativePath) {
        files.delete(relativePath);
    }

    /** Removes every file of a deleted device. */
    public void deleteDevice(UUID deviceId) {
        files.deleteDirectory(deviceId.toString());
    }
}
