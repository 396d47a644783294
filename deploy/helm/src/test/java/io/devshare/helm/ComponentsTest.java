package io.devshare.helm;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import static io.devshare.helm.Manifests.container;
import static io.devshare.helm.Manifests.envValue;
import static org.assertj.core.api.Assertions.assertThat;

/** Every service is switched and shaped on its own. */
class ComponentsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "partnerService",
                "sharingService",
                "deviceService",
                "projectService",
                "notificationService",
                "console"
            })
    void aDisabledComponentRendersNothing(String key) {
        String service = Chart.COMPONENTS.get(key);
        // Every optional resource on, so that none of them can slip through for the disabled one.
        Manifests manifests = Chart.render(
                key + ".enabled",
                false,
                key + ".autoscaling.enabled",
                true,
                key + ".pdb.enabled",
                true,
                "metrics.serviceMonitor.enabled",
                true,
                "ingress.enabled",
                true,
                "console.ingress.host",
                "console.devshare.example");
        assertThat(manifests.ofComponent(service)).isEmpty();
        assertThat(manifests.resources())
                .noneMatch(r -> r.getMetadata().getName().contains(service));
        // The others are all there, with their optional resources.
        for (String other : Chart.COMPONENTS.values()) {
            if (!other.equals(service)) {
                assertThat(manifests.ofComponent(other))
                        .extracting(r -> r.getKind())
                        .contains("Deployment", "Service", "ServiceMonitor");
            }
        }
        assertThat(manifests.all(Deployment.class)).hasSize(Chart.COMPONENTS.size() - 1);
        // Nor does the Ingress route to it.
        assertThat(OptionalResourcesTest.backends(manifests)).isNotEmpty().doesNotContainKey("devshare-" + service);
    }

    @Test
    void envAndExtraEnvComeAfterTheChartsOwn() {
        Deployment sharing = Chart.render(
                        "sharingService.env.DEVSHARE_GRANTS_EXPIRY_CHECK", "30s",
                        "sharingService.env.QUARKUS_LOG_LEVEL", "DEBUG",
                        "sharingService.extraEnv[0].name", "KAFKA_SASL_JAAS_CONFIG",
                        "sharingService.extraEnv[0].valueFrom.secretKeyRef.name", "kafka-user",
                        "sharingService.extraEnv[0].valueFrom.secretKeyRef.key", "sasl.jaas.config")
                .deployment("sharing-service");
        assertThat(envValue(sharing, "DEVSHARE_GRANTS_EXPIRY_CHECK")).isEqualTo("30s");
        assertThat(envValue(sharing, "QUARKUS_LOG_LEVEL")).isEqualTo("DEBUG");
        var names = container(sharing).getEnv().stream().map(EnvVar::getName).toList();
        assertThat(names.get(names.size() - 1)).isEqualTo("KAFKA_SASL_JAAS_CONFIG");
        assertThat(names.indexOf("QUARKUS_LOG_LEVEL")).isGreaterThan(names.indexOf("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertThat(container(sharing)
                        .getEnv()
                        .get(names.size() - 1)
                        .getValueFrom()
                        .getSecretKeyRef()
                        .getName())
                .isEqualTo("kafka-user");
        // Only sharing-service got them.
        assertThat(container(Chart.render().deployment("partner-service")).getEnv())
                .extracting(EnvVar::getName)
                .doesNotContain("QUARKUS_LOG_LEVEL", "KAFKA_SASL_JAAS_CONFIG");
    }

    @Test
    void schedulingAndPodMetadataArePerComponent() {
        Manifests manifests = Chart.render(
                "deviceService.nodeSelector.pool", "io",
                "deviceService.tolerations[0].key", "dedicated",
                "deviceService.tolerations[0].operator", "Exists",
                "deviceService.podAnnotations.team", "fleet",
                "deviceService.podLabels.tier", "edge",
                "deviceService.resources.limits.memory", "1Gi");
        Deployment device = manifests.deployment("device-service");
        var pod = device.getSpec().getTemplate();
        assertThat(pod.getSpec().getNodeSelector()).isEqualTo(Map.of("pool", "io"));
        assertThat(pod.getSpec().getTolerations())
                .singleElement()
                .satisfies(t -> assertThat(t.getKey()).isEqualTo("dedicated"));
        assertThat(pod.getMetadata().getAnnotations())
                .containsEntry("team", "fleet")
                .containsEntry("prometheus.io/scrape", "true");
        assertThat(pod.getMetadata().getLabels()).containsEntry("tier", "edge");
        assertThat(container(device).getResources().getLimits().get("memory").toString())
                .isEqualTo("1Gi");
        Deployment partner = manifests.deployment("partner-service");
        assertThat(partner.getSpec().getTemplate().getSpec().getNodeSelector()).isNullOrEmpty();
        assertThat(partner.getSpec().getTemplate().getSpec().getTolerations()).isNullOrEmpty();
        assertThat(partner.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey("tier");
        assertThat(container(partner).getResources().getLimits().get("memory").toString())
                .isEqualTo("512Mi");
    }

    @Test
    void namesFollowTheReleaseOrFullnameOverride() {
        Deployment partner = Chart.render("fullnameOverride", "acme-devshare")
                .get(Deployment.class, "acme-devshare-partner-service");
        assertThat(partner.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo("acme-devshare");
        assertThat(envValue(
                        Chart.render("fullnameOverride", "acme-devshare")
                                .get(Deployment.class, "acme-devshare-device-service"),
                        "DEVSHARE_PROJECT_SERVICE_URL"))
                .isEqualTo("http://acme-devshare-project-service." + Chart.NAMESPACE + ".svc:80");
    }

    @Test
    void deviceServiceCanStreamFromAProjectServiceElsewhere() {
        Deployment device = Chart.render(
                        "projectService.enabled",
                        false,
                        "deviceService.projectServiceUrl",
                        "http://project.other-namespace.svc:8080")
                .deployment("device-service");
        assertThat(envValue(device, "DEVSHARE_PROJECT_SERVICE_URL"))
                .isEqualTo("http://project.other-namespace.svc:8080");
    }

    @Test
    void newOrganizationsStartWithTheConfiguredLicencePool() {
        assertThat(envValue(Chart.render().deployment("device-service"), "DEVSHARE_LICENCES_STARTING_POOL"))
                .isEqualTo("10");
        assertThat(envValue(
                        Chart.render("deviceService.licences.startingPool", 0).deployment("device-service"),
                        "DEVSHARE_LICENCES_STARTING_POOL"))
                .isEqualTo("0");
        assertThat(envValue(
                        Chart.render("deviceService.licences.startingPool", 25).deployment("device-service"),
                        "DEVSHARE_LICENCES_STARTING_POOL"))
                .isEqualTo("25");
        assertThat(Manifests.env(Chart.render().deployment("partner-service"), "DEVSHARE_LICENCES_STARTING_POOL"))
                .isEmpty();
    }
}
