package io.devshare.project.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.devshare.common.problem.ProblemException;
import io.devshare.project.config.DesignsConfig;

/**
 * Design files on disk, under {@code devshare.designs.dir}: an upload is streamed to {@code .incoming/<id>.part}
 * (SHA-256 and size computed on the way, refused as soon as it passes the limit), forced to disk, then moved
 * atomically to {@code <projectId>/<designId>}. Blocking: call from worker threads.
 */
@ApplicationScoped
public class DesignStorage {

    private static final int BUFFER = 64 * 1024;

    private final Path root;

    @Inject
    public DesignStorage(DesignsConfig config) {
        this.root = config.dir().toAbsolutePath().normalize();
    }

    /** A stored file: its path relative to the storage directory, size and SHA-256 (hex). */
    public record Stored(String relativePath, long size, String sha256) {}

    /** Streams {@code body} into the project's directory; nothing is left behind when it fails. */
    public Stored store(UUID projectId, UUID designId, InputStream body, long maxBytes) {
        Path part = root.resolve(".incoming").resolve(designId + ".part");
        MessageDigest sha = sha256();
        long size = 0;
        try {
            Files.createDirectories(part.getParent());
            try (FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                byte[] buffer = new byte[BUFFER];
                while (true) {
                    int n = read(body, buffer);
                    if (n < 0) {
                        break;
                    }
                    size += n;
                    if (size > maxBytes) {
                        throw Errors.tooLarge(maxBytes);
                    }
                    sha.update(buffer, 0, n);
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        out.write(chunk);
                    }
                }
                out.force(true);
            }
            if (size == 0) {
                throw ProblemException.badRequest("body", "the file is empty");
            }
            Path target = root.resolve(projectId.toString()).resolve(designId.toString());
            Files.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return new Stored(projectId + "/" + designId, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /** The file's path on disk, if it is there. */
    public Path resolve(String relativePath) {
        Path p = root.resolve(relativePath).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            return null;
        }
        return p;
    }

    public void delete(String relativePath) {
        deleteQuietly(root.resolve(relativePath).normalize());
    }

    /** Reads from the client; a broken upload (client gone, malformed chunking) is the client's fault: 400. */
    private static int read(InputStream body, byte[] buffer) {
        try {
            return body.read(buffer);
        } catch (IOException e) {
            throw new ProblemException(
                    400,
                    "upload-interrupted",
                    "Upload interrupted",
                    "The request body could not be read to its end.",
                    List.of(),
                    Map.of());
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (NoSuchFileException e) {
            // gone already
        } catch (IOException e) {
            // best effort: an orphan file is never served (no row refers to it)
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
