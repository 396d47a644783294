package io.devshare.helm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import static org.assertj.core.api.Assertions.assertThat;

/** HPA, PodDisruptionBudget, ServiceMonitor, scrape annotations and the Ingress: off unless asked for. */
class OptionalResourcesTest {

    @Test
    void noOptionalResourceByDefault() {
        Manifests manifests = Chart.render();
        assertThat(manifests.resources())
                .extracting(r -> r.getKind())
                .containsOnly("ServiceAccount", "Deployment", "Service", "PersistentVolumeClaim");
        // Prometheus finds the pods by their annotations instead.
        for (Deployment deployment : manifests.all(Deployment.class)) {
            assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                    .containsEntry("prometheus.io/scrape", "true")
                    .containsEntry(
                            "prometheus.io/port",
                            deployment.getMetadata().getName().equals("devshare-console") ? "9000" : "8080")
                    .containsEntry("prometheus.io/path", "/q/metrics");
        }
    }

    @Test
    void scrapeAnnotationsCanBeTurnedOff() {
        Deployment partner = Chart.render("metrics.podAnnotations", false).deployment("partner-service");
        assertThat(partner.getSpec().getTemplate().getMetadata().getAnnotations())
                .isNullOrEmpty();
    }

    @Test
    void autoscalingReplacesTheFixedReplicaCount() {
        Manifests manifests = Chart.render(
                "sharingService.autoscaling.enabled", true,
                "sharingService.autoscaling.minReplicas", 3,
                "sharingService.autoscaling.maxReplicas", 9,
                "sharingService.autoscaling.targetCPUUtilizationPercentage", 60);
        HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, "devshare-sharing-service");
        assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
        assertThat(hpa.getSpec().getScaleTargetRef().getName()).isEqualTo("devshare-sharing-service");
        assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(9);
        assertThat(hpa.getSpec().getMetrics()).singleElement().satisfies(m -> {
            assertThat(m.getResource().getName()).isEqualTo("cpu");
            assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(60);
        });
        // The autoscaler owns the count: the Deployment states none (an upgrade would reset it otherwise).
        assertThat(manifests.deployment("sharing-service").getSpec().getReplicas())
                .isNull();
        assertThat(manifests.deployment("partner-service").getSpec().getReplicas())
                .isEqualTo(1);
        assertThat(manifests.all(HorizontalPodAutoscaler.class)).hasSize(1);
    }

    @Test
    void podDisruptionBudgetsSelectTheirComponentsPods() {
        Manifests manifests = Chart.render(
                "partnerService.pdb.enabled",
                true,
                "partnerService.replicaCount",
                2,
                "sharingService.pdb.enabled",
                true,
                "sharingService.pdb.maxUnavailable",
                1);
        PodDisruptionBudget partner = manifests.get(PodDisruptionBudget.class, "devshare-partner-service");
        assertThat(partner.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(partner.getSpec().getMaxUnavailable()).isNull();
        assertThat(partner.getSpec().getSelector().getMatchLabels())
                .isEqualTo(manifests
                        .deployment("partner-service")
                        .getSpec()
                        .getSelector()
                        .getMatchLabels());
        PodDisruptionBudget sharing = manifests.get(PodDisruptionBudget.class, "devshare-sharing-service");
        assertThat(sharing.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        assertThat(sharing.getSpec().getMinAvailable()).isNull();
        assertThat(manifests.all(PodDisruptionBudget.class)).hasSize(2);
    }

    @Test
    void serviceMonitorsScrapeTheMetricsPathOfEveryService() {
        Manifests manifests = Chart.render(
                "metrics.serviceMonitor.enabled", true, "metrics.serviceMonitor.labels.release", "prometheus");
        List<GenericKubernetesResource> monitors = manifests.all(GenericKubernetesResource.class).stream()
                .filter(r -> "ServiceMonitor".equals(r.getKind()))
                .toList();
        assertThat(monitors).hasSize(Chart.COMPONENTS.size());
        for (String service : Chart.COMPONENTS.values()) {
            GenericKubernetesResource monitor = monitors.stream()
                    .filter(m -> m.getMetadata().getName().equals("devshare-" + service))
                    .findFirst()
                    .orElseThrow();
            assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
            assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
            Map<String, Object> selector = monitor.get("spec", "selector", "matchLabels");
            assertThat(selector)
                    .isEqualTo(manifests
                            .get(Service.class, "devshare-" + service)
                            .getSpec()
                            .getSelector());
            List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
            assertThat(endpoints).singleElement().satisfies(e -> {
                // The console's metrics are on its management port, which its Ingress never routes.
                assertThat(e)
                        .containsEntry("port", service.equals("console") ? "management" : "http")
                        .containsEntry("path", "/q/metrics");
            });
        }
    }

    @Test
    void ingressRoutesEachServicesPathsToItsServiceAndNothingInternal() {
        Manifests manifests = Chart.render(
                "ingress.enabled", true,
                "ingress.className", "nginx",
                "ingress.host", "api.devshare.example",
                "ingress.tls[0].hosts[0]", "api.devshare.example",
                "ingress.tls[0].secretName", "devshare-tls",
                "deviceService.ingress.host", "devices.devshare.example",
                "console.ingress.host", "console.devshare.example");
        Ingress ingress = manifests.get(Ingress.class, "devshare");
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls())
                .singleElement()
                .satisfies(t -> assertThat(t.getSecretName()).isEqualTo("devshare-tls"));
        assertThat(ingress.getSpec().getRules())
                .extracting(IngressRule::getHost)
                .containsExactlyInAnyOrder(
                        "api.devshare.example", "devices.devshare.example", "console.devshare.example");

        Map<String, List<String>> backends = backends(manifests);
        assertThat(backends.get("devshare-partner-service")).containsExactly("/partnerships", "/organizations");
        assertThat(backends.get("devshare-sharing-service")).containsExactly("/grants", "/access", "/reports");
        assertThat(backends.get("devshare-device-service"))
                .containsExactly("/devices", "/device-groups", "/licences", "/operator", "/device-api");
        assertThat(backends.get("devshare-project-service")).containsExactly("/projects", "/sessions");
        assertThat(backends.get("devshare-notification-service"))
                .containsExactly("/notifications", "/notification-settings");
        assertThat(backends.get("devshare-console")).containsExactly("/");
        assertThat(backends.entrySet().stream()
                        .filter(e -> !e.getKey().equals("devshare-console"))
                        .flatMap(e -> e.getValue().stream()))
                .noneMatch(p -> p.equals("/") || p.startsWith("/q") || p.startsWith("/internal"));

        // Device paths on their own host only, the console alone on its own; every backend port is one its Service
        // has.
        for (IngressRule rule : ingress.getSpec().getRules()) {
            boolean devices = rule.getHost().equals("devices.devshare.example");
            boolean console = rule.getHost().equals("console.devshare.example");
            for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                String service = path.getBackend().getService().getName();
                assertThat(service.equals("devshare-device-service")).isEqualTo(devices);
                assertThat(service.equals("devshare-console")).isEqualTo(console);
                assertThat(path.getPathType()).isEqualTo("Prefix");
                assertThat(manifests.get(Service.class, service).getSpec().getPorts())
                        .extracting(p -> p.getName())
                        .contains(path.getBackend().getService().getPort().getName());
            }
        }
    }

    @Test
    void ingressWithoutAHostMatchesAnyHost() {
        Ingress ingress =
                Chart.render("ingress.enabled", true, "console.enabled", false).get(Ingress.class, "devshare");
        assertThat(ingress.getSpec().getRules())
                .singleElement()
                .satisfies(r -> assertThat(r.getHost()).isNull());
        assertThat(ingress.getSpec().getIngressClassName()).isNull();
    }

    /** Service name → the paths routed to it, over every Ingress of a rendering. */
    static Map<String, List<String>> backends(Manifests manifests) {
        Map<String, List<String>> backends = new LinkedHashMap<>();
        for (Ingress ingress : manifests.all(Ingress.class)) {
            for (IngressRule rule : ingress.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    backends.computeIfAbsent(path.getBackend().getService().getName(), k -> new ArrayList<>())
                            .add(path.getPath());
                }
            }
        }
        return backends;
    }
}
