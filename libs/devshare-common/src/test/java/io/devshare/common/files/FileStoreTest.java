package io.devshare.common.files;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.devshare.common.problem.Problem;
import io.devshare.common.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileStoreTest {

    @TempDir
    Path root;

    static ProblemException tooLarge(long maxBytes) {
        return new ProblemException(
                413, "payload-too-large", "Payload too large", "over", List.of(), Map.of("maxBytes", maxBytes));
    }

    @Test
    void storesTheBodyWithItsSizeAndSha256() throws IOException {
        FileStore store = new FileStore(root);

        StoredFile stored = store.store(
                "dir-a",
                "file-1",
                new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)),
                3,
                FileStoreTest::tooLarge);

        assertThat(stored.relativePath()).isEqualTo("dir-a/file-1");
        assertThat(stored.size()).isEqualTo(3);
        // FIPS 180-2 test vector
        assertThat(stored.sha256()).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Files.readString(root.resolve("dir-a/file-1"))).isEqualTo("abc");
        assertThat(store.resolve(stored.relativePath()))
                .isEqualTo(root.resolve("dir-a/file-1").toAbsolutePath());
        assertThat(incoming()).isEmpty();
    }

    @Test
    void aBodyOfManyBuffersIsHashedWhole() throws Exception {
        byte[] content = new byte[200_003];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) (i * 31);
        }
        StoredFile stored = new FileStore(root)
                .store("d", "big", new ByteArrayInputStream(content), content.length, FileStoreTest::tooLarge);

        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256").digest(content)));
        assertThat(Files.readAllBytes(root.resolve("d/big"))).isEqualTo(content);
    }

    @Test
    void theLimitIsEnforcedMidStreamAndNothingIsKept() throws IOException {
        CountingStream body = new CountingStream(10L * 1024 * 1024);

        assertThatThrownBy(() -> new FileStore(root).store("d", "f", body, 100_000, FileStoreTest::tooLarge))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(413);
                    assertThat(e.toProblem(null).extensions()).containsEntry("maxBytes", 100_000L);
                });

        // refused as soon as the limit was passed, long before the end of the 10 MiB body
        assertThat(body.read).isGreaterThan(100_000).isLessThan(300_000);
        assertThat(Files.exists(root.resolve("d/f"))).isFalse();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void exactlyTheLimitIsAccepted() {
        StoredFile stored =
                new FileStore(root).store("d", "f", new CountingStream(1000), 1000, FileStoreTest::tooLarge);

        assertThat(stored.size()).isEqualTo(1000);
    }

    @Test
    void anEmptyBodyIsA400NamingTheBodyAndNothingIsKept() throws IOException {
        assertThatThrownBy(() -> new FileStore(root)
                        .store("d", "f", new ByteArrayInputStream(new byte[0]), 10, FileStoreTest::tooLarge))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem(null).errors())
                            .containsExactly(new Problem.FieldError("body", "the file is empty"));
                });
        assertThat(Files.exists(root.resolve("d/f"))).isFalse();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void aBrokenUploadIsA400AndThePartIsRemoved() throws IOException {
        InputStream broken = new InputStream() {
            private int calls;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ > 0) {
                    throw new IOException("connection reset");
                }
                Arrays.fill(b, off, off + 10, (byte) 'x');
                return 10;
            }
        };

        assertThatThrownBy(() -> new FileStore(root).store("d", "f", broken, 1000, FileStoreTest::tooLarge))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem(null).type().toString()).endsWith("upload-interrupted");
                });
        assertThat(Files.exists(root.resolve("d/f"))).isFalse();
        assertThat(incoming()).isEmpty();
    }

    @Test
    void resolvesOnlyFilesInsideTheStore() throws IOException {
        FileStore store = new FileStore(root.resolve("store"));
        Files.writeString(root.resolve("outside"), "secret");

        assertThat(store.resolve("../outside")).isNull();
        assertThat(store.resolve("d/missing")).isNull();
    }

    @Test
    void deletesFilesAndDirectories() {
        FileStore store = new FileStore(root);
        StoredFile a = store.store("d", "a", new ByteArrayInputStream(new byte[] {1}), 10, FileStoreTest::tooLarge);
        StoredFile b = store.store("d", "b", new ByteArrayInputStream(new byte[] {2}), 10, FileStoreTest::tooLarge);
        StoredFile c = store.store("e", "c", new ByteArrayInputStream(new byte[] {3}), 10, FileStoreTest::tooLarge);

        store.delete(a.relativePath());
        store.delete("d/never-there");
        assertThat(store.resolve(a.relativePath())).isNull();
        assertThat(store.resolve(b.relativePath())).isNotNull();

        store.deleteDirectory("d");
        store.deleteDirectory("never-there");
        assertThat(Files.exists(root.resolve("d"))).isFalse();
        assertThat(store.resolve(c.relativePath())).isNotNull();
    }

    private List<Path> incoming() throws IOException {
        Path dir = root.resolve(".incoming");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.toList();
        }
    }

    /** {@code length} bytes of 'x', counting how many were read. */
    static final class CountingStream extends InputStream {
        private final long length;
        long read;

        CountingStream(long length) {
            this.length = length;
        }

        @Override
        public int read() {
            throw new UnsupportedOperationException();
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (read >= length) {
                return -1;
            }
            int n = (int) Math.min(len, length - read);
            Arrays.fill(b, off, off + n, (byte) 'x');
            read += n;
            return n;
        }
    }
}
