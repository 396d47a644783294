package io.devshare.helm;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import static io.devshare.helm.Manifests.container;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The image reference: [registry/]repository, then @digest or :tag (component, then global, then appVersion). */
class ImageTest {

    private static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Test
    void defaultsToTheChartsAppVersion() {
        Manifests manifests = Chart.render();
        for (String service : Chart.COMPONENTS.values()) {
            Deployment deployment = manifests.deployment(service);
            assertThat(container(deployment).getImage()).isEqualTo("devshare/" + service + ":0.1.0");
            assertThat(container(deployment).getImagePullPolicy()).isEqualTo("IfNotPresent");
            assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets())
                    .isNullOrEmpty();
        }
    }

    @Test
    void globalRegistryTagAndPullSecretsApplyToEveryImage() {
        Manifests manifests = Chart.render(
                "global.image.registry", "registry.example.com/",
                "global.image.tag", "1.4.2",
                "global.image.pullPolicy", "Always",
                "global.imagePullSecrets[0].name", "devshare-registry");
        for (String service : Chart.COMPONENTS.values()) {
            Deployment deployment = manifests.deployment(service);
            assertThat(container(deployment).getImage())
                    .isEqualTo("registry.example.com/devshare/" + service + ":1.4.2");
            assertThat(container(deployment).getImagePullPolicy()).isEqualTo("Always");
            assertThat(deployment.getSpec().getTemplate().getSpec().getImagePullSecrets())
                    .extracting(LocalObjectReference::getName)
                    .containsExactly("devshare-registry");
            assertThat(deployment.getMetadata().getLabels()).containsEntry("app.kubernetes.io/version", "1.4.2");
        }
    }

    @Test
    void aComponentsOwnImageSettingsWin() {
        Manifests manifests = Chart.render(
                "global.image.registry", "registry.example.com",
                "global.image.tag", "1.4.2",
                "projectService.image.registry", "mirror.example.org",
                "projectService.image.repository", "acme/devshare-projects",
                "projectService.image.tag", "1.5.0-rc1",
                "projectService.image.pullPolicy", "Never");
        Deployment project = manifests.deployment("project-service");
        assertThat(container(project).getImage()).isEqualTo("mirror.example.org/acme/devshare-projects:1.5.0-rc1");
        assertThat(container(project).getImagePullPolicy()).isEqualTo("Never");
        assertThat(container(manifests.deployment("device-service")).getImage())
                .isEqualTo("registry.example.com/devshare/device-service:1.4.2");
    }

    @Test
    void aDigestWinsOverTheTag() {
        Manifests manifests = Chart.render(
                "global.image.registry", "registry.example.com",
                "deviceService.image.tag", "1.4.2",
                "deviceService.image.digest", DIGEST);
        assertThat(container(manifests.deployment("device-service")).getImage())
                .isEqualTo("registry.example.com/devshare/device-service@" + DIGEST)
                .doesNotContain(":1.4.2");
        for (String other : List.of("partner-service", "sharing-service", "project-service", "notification-service")) {
            assertThat(container(manifests.deployment(other)).getImage()).endsWith(":0.1.0");
        }
    }

    @Test
    void aMalformedDigestFailsRendering() {
        assertThatThrownBy(() -> Chart.render("deviceService.image.digest", "1.4.2"))
                .hasMessageContaining("device-service: image.digest must look like sha256:");
    }
}
