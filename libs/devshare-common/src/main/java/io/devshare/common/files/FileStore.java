package io.devshare.common.files;

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
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import io.devshare.common.problem.ProblemException;

/**
 * Uploaded files on disk, under one directory: an upload is streamed to {@code .incoming/<name>.part} (SHA-256 and
 * size computed on the way, refused as soon as it passes the limit), forced to disk, then moved atomically to
 * {@code <dir>/<name>}. Nothing is left behind when it fails. Blocking: call from worker threads.
 */
public final class FileStore {

    private static final int BUFFER = 64 * 1024;

    private final Path root;

    public FileStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * Streams {@code body} to {@code <dir>/<name>}. Throws {@code tooLarge.apply(maxBytes)} as soon as more than
     * {@code maxBytes} have been read, a 400 naming {@code body} when it is empty, a 400 {@code upload-interrupted}
     * when it cannot be read to its end.
     */
    public StoredFile store(
            String dir,
            String name,
            InputStream body,
            long maxBytes,
            LongFunction<? extends RuntimeException> tooLarge) {
        Path part = root.resolve(".incoming").resolve(name + ".part");
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
                        throw tooLarge.apply(maxBytes);
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
            Path target = root.resolve(dir).resolve(name);
            Files.createDirectories(target.getParent());
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return new StoredFile(dir + "/" + name, size, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            deleteQuietly(part);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(part);
            throw e;
        }
    }

    /** The file's path on disk, if it is there (and inside the store's directory); else null. */
    public Path resolve(String relativePath) {
        Path p = root.resolve(relativePath).normalize();
        if (!p.startsWith(root) || !Files.isRegularFile(p)) {
            return null;
        }
        return p;
    }

    /** Removes the file, best effort. */
    public void delete(String relativePath) {
        deleteQuietly(root.resolve(relativePath).normalize());
    }

    /** Removes the directory {@code dir} with every file in it, if it is there. */
    public void deleteDirectory(String dir) {
        Path d = root.resolve(dir);
        if (!Files.isDirectory(d)) {
            return;
        }
        try (Stream<Path> files = Files.walk(d)) {
            files.sorted(Comparator.reverseOrder()).forEach(FileStore::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
