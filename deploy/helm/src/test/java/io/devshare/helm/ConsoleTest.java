package io.devshare.helm;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

import static io.devshare.helm.DeploymentsTest.assertSecretRef;
import static io.devshare.helm.Manifests.container;
import static io.devshare.helm.Manifests.env;
import static io.devshare.helm.Manifests.envValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The console: a component like the services (Deployment, Service, probes, optional HPA/PDB/ServiceMonitor), but
 * without database and Kafka; it gets its Keycloak client's secret from a Secret, the services' URLs, and a host of
 * its own on the Ingress.
 */
class ConsoleTest {

    private static final List<String> SERVICE_URL_VARIABLES = List.of(
            "DEVSHARE_PARTNER_SERVICE_URL",
            "DEVSHARE_SHARING_SERVICE_URL",
            "DEVSHARE_DEVICE_SERVICE_URL",
            "DEVSHARE_PROJECT_SERVICE_URL",
            "DEVSHARE_NOTIFICATION_SERVICE_URL");

    private static final List<String> HTTPS_VARIABLES = List.of(
            "QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME",
            "QUARKUS_OIDC_AUTHENTICATION_COOKIE_FORCE_SECURE",
            "QUARKUS_REST_CSRF_COOKIE_FORCE_SECURE");

    private static List<String> envNames(Deployment deployment) {
        return container(deployment).getEnv().stream().map(EnvVar::getName).toList();
    }

    @Test
    void signsInAgainstTheRealmWithTheClientSecretFromItsSecretAndHoldsNoData() {
        Deployment console = Chart.render().deployment("console");
        assertThat(container(console).getImage()).isEqualTo("devshare/console:0.1.0");
        assertThat(envValue(console, "QUARKUS_HTTP_PORT")).isEqualTo("8080");
        // Set directly, so that keycloak.realm holds (the console's own DEVSHARE_KEYCLOAK_URL fixes the realm).
        assertThat(envValue(console, "QUARKUS_OIDC_AUTH_SERVER_URL"))
                .isEqualTo("https://id.devshare.example/realms/devshare");
        assertSecretRef(console, "DEVSHARE_WEB_CLIENT_SECRET", "devshare-web-client", "client-secret");
        assertThat(envNames(console))
                .noneMatch(name -> name.startsWith("QUARKUS_DATASOURCE_") || name.startsWith("KAFKA_"))
                .doesNotContain(
                        "DEVSHARE_KEYCLOAK_URL",
                        "DEVSHARE_SERVICES_CLIENT_SECRET",
                        "DEVSHARE_CONSOLE_CSRF_KEY",
                        "DEVSHARE_CONSOLE_BASE_URL");
        // No data volume, and nothing that would keep the old pod until the new one is gone.
        PodSpec pod = console.getSpec().getTemplate().getSpec();
        assertThat(pod.getVolumes()).extracting(v -> v.getName()).containsExactly("tmp");
        assertThat(console.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");

        Deployment otherRealm = Chart.render("keycloak.realm", "acme", "console.oidc.key", "secret")
                .deployment("console");
        assertThat(envValue(otherRealm, "QUARKUS_OIDC_AUTH_SERVER_URL"))
                .isEqualTo("https://id.devshare.example/realms/acme");
        assertSecretRef(otherRealm, "DEVSHARE_WEB_CLIENT_SECRET", "devshare-web-client", "secret");
    }

    @Test
    void needsNeitherPostgresqlNorKafka() {
        // Only the console: the servers of the services may be missing altogether.
        Manifests manifests = Chart.render(
                "partnerService.enabled", false,
                "sharingService.enabled", false,
                "deviceService.enabled", false,
                "projectService.enabled", false,
                "notificationService.enabled", false,
                "postgresql.host", "",
                "kafka.bootstrapServers", "",
                "console.serviceUrls.partnerService", "https://partners.elsewhere.example/");
        assertThat(manifests.all(Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactly("devshare-console");
        Deployment console = manifests.deployment("console");
        // A service neither enabled nor given a URL is not set; a URL given is used as it is (without a final /).
        assertThat(envNames(console))
                .contains("DEVSHARE_PARTNER_SERVICE_URL")
                .doesNotContain(SERVICE_URL_VARIABLES.subList(1, 5).toArray(String[]::new));
        assertThat(envValue(console, "DEVSHARE_PARTNER_SERVICE_URL")).isEqualTo("https://partners.elsewhere.example");
    }

    @Test
    void callsTheEnabledServicesAtThisReleasesServicesUnlessAUrlIsGiven() {
        Manifests manifests = Chart.render();
        Deployment console = manifests.deployment("console");
        for (var service : Chart.SERVICES.values()) {
            String variable = "DEVSHARE_" + service.toUpperCase().replace('-', '_') + "_URL";
            assertThat(SERVICE_URL_VARIABLES).contains(variable);
            Service svc = manifests.get(Service.class, "devshare-" + service);
            assertThat(envValue(console, variable))
                    .as(variable)
                    .isEqualTo("http://devshare-" + service + "." + Chart.NAMESPACE + ".svc:"
                            + svc.getSpec().getPorts().get(0).getPort());
        }

        Deployment elsewhere = Chart.render(
                        "sharingService.service.port",
                        8080,
                        "projectService.enabled",
                        false,
                        "console.serviceUrls.deviceService",
                        "http://device.other.svc:8080")
                .deployment("console");
        assertThat(envValue(elsewhere, "DEVSHARE_SHARING_SERVICE_URL"))
                .isEqualTo("http://devshare-sharing-service." + Chart.NAMESPACE + ".svc:8080");
        assertThat(envValue(elsewhere, "DEVSHARE_DEVICE_SERVICE_URL")).isEqualTo("http://device.other.svc:8080");
        assertThat(env(elsewhere, "DEVSHARE_PROJECT_SERVICE_URL")).isEmpty();
    }

    @Test
    void aMissingClientSecretNameFailsOnlyWhileTheConsoleIsEnabled() {
        assertThatThrownBy(() -> Chart.render("console.oidc.existingSecret", ""))
                .hasMessageContaining("console.oidc.existingSecret is required")
                .hasMessageContaining("the secret of the Keycloak client devshare-web")
                .hasMessageContaining("existing Secret")
                .hasMessageContaining("or set console.enabled=false");

        Manifests manifests = Chart.render(
                "console.enabled", false,
                "console.oidc.existingSecret", "",
                "console.autoscaling.enabled", true,
                "console.pdb.enabled", true,
                "metrics.serviceMonitor.enabled", true,
                "ingress.enabled", true,
                "ingress.host", "api.devshare.example");
        assertThat(manifests.ofComponent("console")).isEmpty();
        assertThat(manifests.resources())
                .noneMatch(r -> r.getMetadata().getName().contains("console"));
        assertThat(OptionalResourcesTest.backends(manifests)).isNotEmpty().doesNotContainKey("devshare-console");
    }

    @Test
    void theCsrfKeyComesFromItsSecretWhenOneIsNamed() {
        Deployment console = Chart.render(
                        "console.csrf.existingSecret", "devshare-console-csrf", "console.replicaCount", 3)
                .deployment("console");
        assertSecretRef(console, "DEVSHARE_CONSOLE_CSRF_KEY", "devshare-console-csrf", "csrf-key");
        assertThat(console.getSpec().getReplicas()).isEqualTo(3);
        assertThat(container(console).getEnv())
                .filteredOn(e -> e.getName().contains("SECRET") || e.getName().endsWith("_KEY"))
                .allSatisfy(e -> {
                    assertThat(e.getValue()).as(e.getName()).isNull();
                    assertThat(e.getValueFrom().getSecretKeyRef())
                            .as(e.getName())
                            .isNotNull();
                });
    }

    @Test
    void anHttpsBaseUrlMakesRedirectsHttpsAndCookiesSecure() {
        Deployment https = Chart.render().deployment("console");
        for (String variable : HTTPS_VARIABLES) {
            assertThat(envValue(https, variable)).as(variable).isEqualTo("true");
        }
        for (String baseUrl : List.of("http://console.devshare.test", "")) {
            Deployment plain = Chart.render("console.baseUrl", baseUrl, "notificationService.enabled", false)
                    .deployment("console");
            assertThat(envNames(plain)).as(baseUrl).doesNotContainAnyElementsOf(HTTPS_VARIABLES);
        }
        // The operator's own env wins over the chart's (it comes later).
        Deployment overridden = Chart.render(
                        "console.env.QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME", "false")
                .deployment("console");
        List<String> names = envNames(overridden);
        assertThat(names.lastIndexOf("QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME"))
                .isGreaterThan(names.indexOf("QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME"));
    }

    @Test
    void theIngressGivesTheConsoleEveryPathOfItsOwnHost() {
        Manifests manifests = Chart.render(
                "ingress.enabled", true,
                "ingress.host", "api.devshare.example",
                "console.ingress.host", "console.devshare.example");
        Ingress ingress = manifests.get(Ingress.class, "devshare");
        IngressRule console = ingress.getSpec().getRules().stream()
                .filter(r -> "console.devshare.example".equals(r.getHost()))
                .findFirst()
                .orElseThrow();
        assertThat(console.getHttp().getPaths()).singleElement().satisfies(p -> {
            assertThat(p.getPath()).isEqualTo("/");
            assertThat(p.getPathType()).isEqualTo("Prefix");
            assertThat(p.getBackend().getService().getName()).isEqualTo("devshare-console");
            assertThat(p.getBackend().getService().getPort().getName()).isEqualTo("http");
        });
        // The APIs keep their host, the console is on none of theirs.
        IngressRule api = ingress.getSpec().getRules().stream()
                .filter(r -> "api.devshare.example".equals(r.getHost()))
                .findFirst()
                .orElseThrow();
        assertThat(api.getHttp().getPaths())
                .extracting(p -> p.getBackend().getService().getName())
                .doesNotContain("devshare-console")
                .contains("devshare-device-service");
    }

    @Test
    void theConsoleCannotShareAHostWithTheApis() {
        // Its /devices page would meet device-service's /devices API: a host of its own, or no route.
        for (Object[] sets : List.of(
                new Object[] {"ingress.enabled", true},
                new Object[] {"ingress.enabled", true, "ingress.host", "devshare.example"},
                new Object[] {
                    "ingress.enabled", true,
                    "ingress.host", "api.devshare.example",
                    "deviceService.ingress.host", "devshare.example",
                    "console.ingress.host", "devshare.example"
                })) {
            assertThatThrownBy(() -> Chart.render(sets))
                    .hasMessageContaining("console.ingress.host must be a host of its own")
                    .hasMessageContaining("device-service")
                    .hasMessageContaining("/devices");
        }
        // console.ingress.paths: [] in a values file; --set can only null it.
        Manifests unrouted = Chart.render("ingress.enabled", true, "console.ingress.paths", "null");
        assertThat(OptionalResourcesTest.backends(unrouted)).isNotEmpty().doesNotContainKey("devshare-console");
        assertThat(unrouted.deployment("console")).isNotNull();
    }

    @Test
    void scalesLikeAService() {
        Manifests manifests = Chart.render(
                "console.autoscaling.enabled", true,
                "console.autoscaling.maxReplicas", 6,
                "console.pdb.enabled", true,
                "metrics.serviceMonitor.enabled", true);
        assertThat(manifests.deployment("console").getSpec().getReplicas()).isNull();
        HorizontalPodAutoscaler hpa = manifests.get(HorizontalPodAutoscaler.class, "devshare-console");
        assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);
        PodDisruptionBudget pdb = manifests.get(PodDisruptionBudget.class, "devshare-console");
        Map<String, String> selector =
                manifests.deployment("console").getSpec().getSelector().getMatchLabels();
        assertThat(pdb.getSpec().getSelector().getMatchLabels()).isEqualTo(selector);
        assertThat(manifests.ofComponent("console"))
                .extracting(HasMetadata::getKind)
                .containsExactlyInAnyOrder(
                        "Deployment", "Service", "HorizontalPodAutoscaler", "PodDisruptionBudget", "ServiceMonitor");
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortWhichTheIngressNeverRoutes() {
        Manifests manifests = Chart.render(
                "ingress.enabled", true,
                "console.ingress.host", "console.devshare.example",
                "metrics.serviceMonitor.enabled", true,
                "metrics.podAnnotations", true);
        io.fabric8.kubernetes.api.model.Container console = container(manifests.deployment("console"));
        assertThat(console.getPorts())
                .extracting(p -> p.getName() + ":" + p.getContainerPort())
                .containsExactlyInAnyOrder("http:8080", "management:9000");
        for (var probe : List.of(console.getStartupProbe(), console.getLivenessProbe(), console.getReadinessProbe())) {
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("management");
        }
        assertThat(manifests
                        .deployment("console")
                        .getSpec()
                        .getTemplate()
                        .getMetadata()
                        .getAnnotations())
                .containsEntry("prometheus.io/port", "9000");
        assertThat(manifests.get(Service.class, "devshare-console").getSpec().getPorts())
                .extracting(p -> p.getName())
                .containsExactlyInAnyOrder("http", "management");
        // The Ingress sends the console's host to its pages' port only.
        assertThat(manifests.get(Ingress.class, "devshare").getSpec().getRules().stream()
                        .flatMap(r -> r.getHttp().getPaths().stream())
                        .filter(p -> p.getBackend().getService().getName().equals("devshare-console"))
                        .map(p -> p.getBackend().getService().getPort().getName()))
                .containsOnly("http");
        // The services keep theirs on http.
        assertThat(container(manifests.deployment("device-service"))
                        .getReadinessProbe()
                        .getHttpGet()
                        .getPort()
                        .getStrVal())
                .isEqualTo("http");
    }
}
