package io.devshare.helm;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import static io.devshare.helm.Manifests.container;
import static io.devshare.helm.Manifests.env;
import static io.devshare.helm.Manifests.envValue;
import static org.assertj.core.api.Assertions.assertThat;

/** What every service's Deployment and Service must carry, rendered once with the minimal values. */
class DeploymentsTest {

    private static Manifests manifests;

    @BeforeAll
    static void render() {
        // Distinct replica counts, so a mix-up between components cannot pass.
        manifests = Chart.render(
                "partnerService.replicaCount", 3,
                "sharingService.replicaCount", 2,
                "notificationService.replicaCount", 4);
    }

    @Test
    void oneDeploymentAndOneServicePerComponent() {
        assertThat(manifests.all(Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "devshare-partner-service",
                        "devshare-sharing-service",
                        "devshare-device-service",
                        "devshare-project-service",
                        "devshare-notification-service",
                        "devshare-console");
        for (String service : Chart.COMPONENTS.values()) {
            Deployment deployment = manifests.deployment(service);
            Service svc = manifests.get(Service.class, "devshare-" + service);
            Map<String, String> podLabels =
                    deployment.getSpec().getTemplate().getMetadata().getLabels();
            // The Service selects this Deployment's pods and no other's.
            assertThat(podLabels).containsAllEntriesOf(svc.getSpec().getSelector());
            assertThat(svc.getSpec().getSelector()).containsEntry("app.kubernetes.io/component", service);
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(svc.getSpec().getSelector());
            ServicePort port = svc.getSpec().getPorts().get(0);
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            // Pages and APIs on http; the console's health and metrics on a port of their own.
            assertThat(container(deployment).getPorts())
                    .extracting(p -> p.getName() + ":" + p.getContainerPort())
                    .containsExactlyElementsOf(
                            service.equals("console") ? List.of("http:8080", "management:9000") : List.of("http:8080"));
            assertThat(envValue(deployment, "QUARKUS_HTTP_PORT")).isEqualTo("8080");
        }
    }

    @Test
    void replicasArePerComponent() {
        assertThat(manifests.deployment("partner-service").getSpec().getReplicas())
                .isEqualTo(3);
        assertThat(manifests.deployment("sharing-service").getSpec().getReplicas())
                .isEqualTo(2);
        assertThat(manifests.deployment("device-service").getSpec().getReplicas())
                .isEqualTo(1);
        assertThat(manifests.deployment("project-service").getSpec().getReplicas())
                .isEqualTo(1);
        assertThat(manifests.deployment("notification-service").getSpec().getReplicas())
                .isEqualTo(4);
    }

    @Test
    void threeHealthProbesOnTheHttpPort() {
        for (String service : Chart.COMPONENTS.values()) {
            Container container = container(manifests.deployment(service));
            assertProbe(container.getStartupProbe(), "/q/health/started", service);
            assertProbe(container.getLivenessProbe(), "/q/health/live", service);
            assertProbe(container.getReadinessProbe(), "/q/health/ready", service);
            // Start-up (Flyway included) gets minutes, not the liveness probe's seconds.
            Probe startup = container.getStartupProbe();
            assertThat(startup.getFailureThreshold() * startup.getPeriodSeconds())
                    .isGreaterThanOrEqualTo(120);
        }
    }

    private static void assertProbe(Probe probe, String path, String service) {
        assertThat(probe).as("%s probe %s", service, path).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(service).isEqualTo(path);
        // The console's health is on its management port (its Ingress routes every path of its host).
        assertThat(probe.getHttpGet().getPort().getStrVal())
                .as(service)
                .isEqualTo(service.equals("console") ? "management" : "http");
    }

    @Test
    void restrictedSecurityContextWithAWritableTmp() {
        for (String service : Chart.COMPONENTS.values()) {
            Deployment deployment = manifests.deployment(service);
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(service).isTrue();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).as(service).isFalse();
            assertThat(pod.getEnableServiceLinks()).as(service).isFalse();
            assertThat(pod.getServiceAccountName()).isEqualTo("devshare");

            var security = container(deployment).getSecurityContext();
            assertThat(security.getAllowPrivilegeEscalation()).as(service).isFalse();
            assertThat(security.getReadOnlyRootFilesystem()).as(service).isTrue();
            assertThat(security.getRunAsNonRoot()).as(service).isTrue();
            assertThat(security.getPrivileged()).as(service).isNotEqualTo(Boolean.TRUE);
            assertThat(security.getCapabilities().getDrop()).as(service).containsExactly("ALL");
            assertThat(security.getCapabilities().getAdd()).as(service).isNullOrEmpty();
            assertThat(security.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");

            VolumeMount tmp = container(deployment).getVolumeMounts().stream()
                    .filter(m -> "/tmp".equals(m.getMountPath()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(service + " mounts nothing on /tmp"));
            Volume volume = pod.getVolumes().stream()
                    .filter(v -> v.getName().equals(tmp.getName()))
                    .findFirst()
                    .orElseThrow();
            assertThat(volume.getEmptyDir()).as(service).isNotNull();
        }
    }

    @Test
    void kubernetesRecommendedLabels() {
        for (String service : Chart.COMPONENTS.values()) {
            Deployment deployment = manifests.deployment(service);
            for (Map<String, String> labels : List.of(
                    deployment.getMetadata().getLabels(),
                    deployment.getSpec().getTemplate().getMetadata().getLabels(),
                    manifests
                            .get(Service.class, "devshare-" + service)
                            .getMetadata()
                            .getLabels())) {
                assertThat(labels)
                        .as(service)
                        .containsEntry("app.kubernetes.io/name", "devshare")
                        .containsEntry("app.kubernetes.io/instance", Chart.RELEASE)
                        .containsEntry("app.kubernetes.io/component", service)
                        .containsEntry("app.kubernetes.io/part-of", "devshare")
                        .containsEntry("app.kubernetes.io/managed-by", "Helm")
                        .containsEntry("app.kubernetes.io/version", "0.1.0")
                        .containsEntry("helm.sh/chart", "devshare-0.1.0");
            }
            assertThat(deployment.getMetadata().getNamespace()).isEqualTo(Chart.NAMESPACE);
        }
    }

    @Test
    void eachServiceReachesItsOwnDatabaseWithAPasswordFromItsSecret() {
        Map<String, String> databases = Map.of(
                "partner-service", "partner",
                "sharing-service", "sharing",
                "device-service", "device",
                "project-service", "project",
                "notification-service", "notification");
        for (var entry : databases.entrySet()) {
            Deployment deployment = manifests.deployment(entry.getKey());
            String db = entry.getValue();
            assertThat(envValue(deployment, "QUARKUS_DATASOURCE_REACTIVE_URL"))
                    .isEqualTo("postgresql://postgres.db.svc:5432/" + db);
            assertThat(envValue(deployment, "QUARKUS_DATASOURCE_JDBC_URL"))
                    .isEqualTo("jdbc:postgresql://postgres.db.svc:5432/" + db);
            assertThat(envValue(deployment, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo(db);
            assertSecretRef(deployment, "QUARKUS_DATASOURCE_PASSWORD", "devshare-db-" + db, "password");
            assertThat(envValue(deployment, "KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka-bootstrap.kafka.svc:9092");
            assertThat(envValue(deployment, "QUARKUS_OIDC_AUTH_SERVER_URL"))
                    .isEqualTo("https://id.devshare.example/realms/devshare");
        }
    }

    @Test
    void theServicesClientSecretGoesOnlyToTheServicesThatCallWithIt() {
        for (String service : List.of("partner-service", "device-service", "notification-service")) {
            assertSecretRef(
                    manifests.deployment(service),
                    "DEVSHARE_SERVICES_CLIENT_SECRET",
                    "devshare-services-client",
                    "client-secret");
        }
        for (String service : List.of("sharing-service", "project-service")) {
            assertThat(env(manifests.deployment(service), "DEVSHARE_SERVICES_CLIENT_SECRET"))
                    .as(service)
                    .isEmpty();
        }
        for (String service : List.of("partner-service", "notification-service")) {
            Deployment deployment = manifests.deployment(service);
            assertThat(envValue(deployment, "DEVSHARE_KEYCLOAK_URL")).isEqualTo("https://id.devshare.example");
            assertThat(envValue(deployment, "DEVSHARE_KEYCLOAK_REALM")).isEqualTo("devshare");
        }
    }

    @Test
    void notificationServiceMailsThroughTheRelayWithCredentialsFromItsSecret() {
        Deployment deployment = manifests.deployment("notification-service");
        assertThat(envValue(deployment, "QUARKUS_MAILER_HOST")).isEqualTo("smtp.mail.example");
        assertThat(envValue(deployment, "QUARKUS_MAILER_PORT")).isEqualTo("587");
        assertThat(envValue(deployment, "QUARKUS_MAILER_FROM")).isEqualTo("Devshare <no-reply@devshare.example>");
        assertThat(envValue(deployment, "QUARKUS_MAILER_START_TLS")).isEqualTo("REQUIRED");
        assertSecretRef(deployment, "QUARKUS_MAILER_USERNAME", "devshare-smtp", "username");
        assertSecretRef(deployment, "QUARKUS_MAILER_PASSWORD", "devshare-smtp", "password");
        assertThat(envValue(deployment, "DEVSHARE_CONSOLE_BASE_URL")).isEqualTo("https://console.devshare.example");
        for (String service : List.of("partner-service", "sharing-service", "device-service", "project-service")) {
            assertThat(container(manifests.deployment(service)).getEnv())
                    .extracting(EnvVar::getName)
                    .noneMatch(name -> name.startsWith("QUARKUS_MAILER_"));
        }
    }

    @Test
    void deviceServiceHashesDeviceSecretsWithAKeyFromItsSecret() {
        assertSecretRef(
                manifests.deployment("device-service"),
                "DEVSHARE_DEVICE_CREDENTIALS_HASH_KEY",
                "devshare-device-credentials",
                "hash-key");
        for (String service :
                List.of("partner-service", "sharing-service", "project-service", "notification-service")) {
            assertThat(env(manifests.deployment(service), "DEVSHARE_DEVICE_CREDENTIALS_HASH_KEY"))
                    .as(service)
                    .isEmpty();
        }
    }

    @Test
    void deviceServiceStreamsDesignsFromThisReleasesProjectService() {
        Service project = manifests.get(Service.class, "devshare-project-service");
        assertThat(envValue(manifests.deployment("device-service"), "DEVSHARE_PROJECT_SERVICE_URL"))
                .isEqualTo("http://" + project.getMetadata().getName() + "." + Chart.NAMESPACE + ".svc:"
                        + project.getSpec().getPorts().get(0).getPort());
    }

    @Test
    void noSecretIsEverALiteralValue() {
        Set<String> secretLike = manifests.all(Deployment.class).stream()
                .flatMap(d -> container(d).getEnv().stream())
                .filter(e -> e.getName().matches(".*(PASSWORD|SECRET|USERNAME|TOKEN|CREDENTIALS).*|.*_KEY")
                        && !e.getName().equals("QUARKUS_DATASOURCE_USERNAME"))
                .peek(e -> assertThat(e.getValue())
                        .as("%s must come from a Secret", e.getName())
                        .isNull())
                .peek(e -> assertThat(e.getValueFrom().getSecretKeyRef())
                        .as(e.getName())
                        .isNotNull())
                .map(EnvVar::getName)
                .collect(Collectors.toSet());
        assertThat(secretLike)
                .containsExactlyInAnyOrder(
                        "QUARKUS_DATASOURCE_PASSWORD",
                        "DEVSHARE_SERVICES_CLIENT_SECRET",
                        "DEVSHARE_DEVICE_CREDENTIALS_HASH_KEY",
                        "QUARKUS_MAILER_USERNAME",
                        "QUARKUS_MAILER_PASSWORD",
                        "DEVSHARE_WEB_CLIENT_SECRET");
        // The chart creates no Secret of its own: every one is the operator's, named by existingSecret.
        assertThat(manifests.resources()).noneMatch(r -> "Secret".equals(r.getKind()));
    }

    static void assertSecretRef(Deployment deployment, String env, String secret, String key) {
        EnvVar var = env(deployment, env)
                .orElseThrow(() -> new AssertionError(deployment.getMetadata().getName() + " has no env " + env));
        assertThat(var.getValue()).as(env).isNull();
        SecretKeySelector ref = var.getValueFrom().getSecretKeyRef();
        assertThat(ref.getName()).as(env).isEqualTo(secret);
        assertThat(ref.getKey()).as(env).isEqualTo(key);
    }
}
