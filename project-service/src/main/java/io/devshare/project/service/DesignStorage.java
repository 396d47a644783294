package io.devshare.project.service;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.devshare.common.files.FileStore;
import io.devshare.common.files.StoredFile;
import io.devshare.project.config.DesignsConfig;

/**
 * Design files on disk, under {@code devshare.designs.dir}: an upload is streamed to {@code .incoming/<id>.part}
 * (SHA-256 and size computed on the way, refused as soon as it passes the limit), forced to disk, then moved
 * atomically to {@code <projectId>/<designId>} (see {@link FileStore}). Blocking: call from worker threads.
 */
@ApplicationScoped
public class DesignStorage {

    private final FileStore files;

    @Inject
    public DesignStorage(DesignsConfig config) {
        this.files = new FileStore(config.dir());
    }

    /** Streams {@code body} into the project's directory; nothing is left behind when it fails (413 past the limit). */
    public StoredFile store(UUID projectId, UUID designId, InputStream body, long maxBytes) {
        return files.store(projectId.toString(), designId.toString(), body, maxBytes, Errors::tooLarge);
    }

    /** The file's path on disk, if it is there. */
    public Path resolve(String relativePath) {
        return files.resolve(relativePath);
    }

    public void delete(String relativePath) {
        files.delete(relativePath);
    }
}
