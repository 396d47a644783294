package io.devshare.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code helm lint --strict}. helm-java's lint takes no values file, so the chart is linted as a copy whose
 * values.yaml has the minimal values merged in: every template is then rendered the way an install renders it.
 */
class LintTest {

    private static final Path WORK = Path.of(System.getProperty("devshare.chart.work", "target/chart-work"));

    @Test
    void theChartLintsCleanWithTheMinimalValues() {
        Path copy = Chart.copyWithValues(WORK.resolve("minimal"), Chart.minimalValues());
        LintResult result = new Helm(copy).lint().strict().call();
        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
        assertThat(result.getMessages()).noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]"));
    }

    @Test
    void theChartsOwnDefaultsLintToo() {
        // What an operator gets from `helm lint deploy/helm/devshare` before writing a values file.
        LintResult result = new Helm(Chart.dir()).lint().strict().call();
        assertThat(result.isFailed()).as("%s", result.getMessages()).isFalse();
    }

    @Test
    void lintChecksWhatTheTemplatesRender() throws IOException {
        // Lint mode logs `required` and `fail` as INFO (RequiredValuesTest covers them through `template`), but it
        // validates what is rendered: names that are no DNS names fail the strict lint.
        Path broken = Files.createDirectories(WORK).resolve("bad-names.yaml");
        Files.writeString(broken, Files.readString(Chart.minimalValues()) + "fullnameOverride: Devshare_Prod\n");
        Path copy = Chart.copyWithValues(WORK.resolve("broken"), broken);
        LintResult result = new Helm(copy).lint().strict().call();
        assertThat(result.isFailed()).isTrue();
        assertThat(result.getMessages())
                .anyMatch(m -> m.contains("templates/deployment.yaml")
                        && m.contains("\"Devshare_Prod-partner-service\"")
                        && m.contains("does not conform to Kubernetes naming requirements"));
    }
}
