package io.devshare.common.problem;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UploadParamsTest {

    @Test
    void filenamesAreStrippedAndOptional() {
        assertThat(UploadParams.filename(null)).isNull();
        assertThat(UploadParams.filename("  ")).isNull();
        assertThat(UploadParams.filename(" survey 2026-11-24.job ")).isEqualTo("survey 2026-11-24.job");
        assertThat(UploadParams.filename("a".repeat(255))).hasSize(255);
    }

    @Test
    void badFilenamesAreA400NamingTheFilename() {
        for (String bad : new String[] {"a/b", "a\\b", ".", "..", "a\u0000b", "tab\there", "a".repeat(256)}) {
            assertRefused(
                    () -> UploadParams.filename(bad),
                    "filename",
                    "1 to 255 characters, without path separators" + " or control characters");
        }
    }

    @Test
    void contentTypesMustBeConcrete() {
        assertThat(UploadParams.contentType(null)).isEqualTo("application/octet-stream");
        assertThat(UploadParams.contentType(" ")).isEqualTo("application/octet-stream");
        assertThat(UploadParams.contentType(" text/csv; charset=UTF-8 ")).isEqualTo("text/csv; charset=UTF-8");
        for (String bad : new String[] {"*/*", "text/*", "no-slash", "application/" + "x".repeat(250)}) {
            assertRefused(() -> UploadParams.contentType(bad), "Content-Type", "not a concrete media type");
        }
    }

    @Test
    void contentLengthsAreNumbers() {
        assertThat(UploadParams.contentLength(null)).isNull();
        assertThat(UploadParams.contentLength("")).isNull();
        assertThat(UploadParams.contentLength(" 52428801 ")).isEqualTo(52_428_801L);
        assertRefused(() -> UploadParams.contentLength("12kB"), "Content-Length", "not a number");
    }

    private static void assertRefused(Runnable call, String field, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.toProblem(null).errors()).containsExactly(new Problem.FieldError(field, message));
        });
    }
}
