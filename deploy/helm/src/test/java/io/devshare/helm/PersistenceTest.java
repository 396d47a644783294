package io.devshare.helm;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import static io.devshare.helm.Manifests.container;
import static io.devshare.helm.Manifests.envValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** device-service's field data and project-service's designs live on volumes the services are told about. */
class PersistenceTest {

    @Test
    void eachDataDirectoryIsAClaimMountedWhereTheServiceWrites() {
        Manifests manifests = Chart.render();
        assertDataVolume(manifests, "device-service", "DEVSHARE_FIELD_DATA_DIR", "/data/field-data", "20Gi");
        assertDataVolume(manifests, "project-service", "DEVSHARE_DESIGNS_DIR", "/data/designs", "10Gi");
        assertThat(manifests.all(PersistentVolumeClaim.class)).hasSize(2);
        // A ReadWriteOnce volume: the old pod must go before the new one mounts it.
        assertThat(manifests
                        .deployment("device-service")
                        .getSpec()
                        .getStrategy()
                        .getType())
                .isEqualTo("Recreate");
        assertThat(manifests
                        .deployment("partner-service")
                        .getSpec()
                        .getStrategy()
                        .getType())
                .isEqualTo("RollingUpdate");
        for (String service : new String[] {"partner-service", "sharing-service", "notification-service"}) {
            assertThat(manifests
                            .deployment(service)
                            .getSpec()
                            .getTemplate()
                            .getSpec()
                            .getVolumes())
                    .extracting(Volume::getName)
                    .containsExactly("tmp");
        }
    }

    private static void assertDataVolume(Manifests manifests, String service, String env, String dir, String size) {
        Deployment deployment = manifests.deployment(service);
        assertThat(envValue(deployment, env)).isEqualTo(dir);
        String volumeName = container(deployment).getVolumeMounts().stream()
                .filter(m -> m.getMountPath().equals(dir))
                .findFirst()
                .orElseThrow(() -> new AssertionError(service + " mounts nothing on " + dir))
                .getName();
        Volume volume = deployment.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals(volumeName))
                .findFirst()
                .orElseThrow();
        String claim = volume.getPersistentVolumeClaim().getClaimName();
        PersistentVolumeClaim pvc = manifests.get(PersistentVolumeClaim.class, claim);
        assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(pvc.getSpec().getResources().getRequests().get("storage").toString())
                .isEqualTo(size);
        assertThat(pvc.getSpec().getStorageClassName()).isNull();
        // Uninstalling the release keeps the files.
        assertThat(pvc.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
        assertThat(pvc.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", service);
    }

    @Test
    void anExistingClaimIsMountedAndNoneIsCreated() {
        Manifests manifests = Chart.render(
                "deviceService.persistence.existingClaim", "fleet-field-data",
                "projectService.persistence.storageClass", "-");
        Deployment device = manifests.deployment("device-service");
        assertThat(device.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getPersistentVolumeClaim() != null)
                .singleElement()
                .satisfies(v ->
                        assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("fleet-field-data"));
        assertThat(manifests.all(PersistentVolumeClaim.class)).singleElement().satisfies(pvc -> {
            assertThat(pvc.getMetadata().getName()).isEqualTo("devshare-project-service-data");
            // "-" asks for no storage class at all.
            assertThat(pvc.getSpec().getStorageClassName()).isEmpty();
        });
    }

    @Test
    void withoutPersistenceTheDirectoryIsAnEmptyDir() {
        Manifests manifests = Chart.render("projectService.persistence.enabled", false);
        Deployment project = manifests.deployment("project-service");
        assertThat(project.getSpec().getTemplate().getSpec().getVolumes())
                .filteredOn(v -> v.getName().equals("data"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.getEmptyDir()).isNotNull();
                    assertThat(v.getPersistentVolumeClaim()).isNull();
                });
        assertThat(envValue(project, "DEVSHARE_DESIGNS_DIR")).isEqualTo("/data/designs");
        assertThat(manifests.find(PersistentVolumeClaim.class, "devshare-project-service-data"))
                .isEmpty();
    }

    @Test
    void morePodsOnAReadWriteOnceVolumeFailRendering() {
        assertThatThrownBy(() -> Chart.render("deviceService.replicaCount", 2))
                .hasMessageContaining("device-service runs more than one pod")
                .hasMessageContaining("deviceService.persistence.accessModes to [ReadWriteMany]");
        assertThatThrownBy(() -> Chart.render("projectService.autoscaling.enabled", true))
                .hasMessageContaining("project-service runs more than one pod")
                .hasMessageContaining("projectService.persistence.accessModes to [ReadWriteMany]");
    }

    @Test
    void morePodsShareAReadWriteManyVolumeAndRollOneByOne() {
        Manifests manifests = Chart.render(
                "deviceService.replicaCount", 3,
                "deviceService.persistence.accessModes[0]", "ReadWriteMany",
                "deviceService.persistence.storageClass", "nfs");
        Deployment device = manifests.deployment("device-service");
        assertThat(device.getSpec().getReplicas()).isEqualTo(3);
        assertThat(device.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");
        PersistentVolumeClaim pvc = manifests.get(PersistentVolumeClaim.class, "devshare-device-service-data");
        assertThat(pvc.getSpec().getAccessModes()).containsExactly("ReadWriteMany");
        assertThat(pvc.getSpec().getStorageClassName()).isEqualTo("nfs");
    }
}
