package io.devshare.helm;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;

import static io.devshare.helm.Manifests.container;
import static io.devshare.helm.Manifests.env;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rendering refuses to produce a release that could not start: a missing Secret name or server fails it. */
class RequiredValuesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "partnerService.database.existingSecret, partner-service's database password",
        "sharingService.database.existingSecret, sharing-service's database password",
        "deviceService.database.existingSecret, device-service's database password",
        "projectService.database.existingSecret, project-service's database password",
        "notificationService.database.existingSecret, notification-service's database password",
        "keycloak.servicesClient.existingSecret, the secret of the Keycloak client devshare-services",
        "deviceService.credentials.existingSecret, the key device secrets are hashed with",
        "smtp.auth.existingSecret, the SMTP username",
        "console.oidc.existingSecret, the secret of the Keycloak client devshare-web",
    })
    void aMissingExistingSecretNameFailsWithAMessageNamingIt(String value, String what) {
        assertThatThrownBy(() -> Chart.render(value, ""))
                .hasMessageContaining(value + " is required")
                .hasMessageContaining(what)
                .hasMessageContaining("existing Secret");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "postgresql.host, the PostgreSQL server",
        "kafka.bootstrapServers, the Kafka bootstrap servers",
        "keycloak.url, the Keycloak base URL",
        "smtp.host, the SMTP relay",
        "console.baseUrl, the public console URL",
    })
    void aMissingServerFailsWithAMessageNamingIt(String value, String what) {
        assertThatThrownBy(() -> Chart.render(value, ""))
                .hasMessageContaining(value + " is required")
                .hasMessageContaining(what);
    }

    @Test
    void theChartsDefaultsAloneDoNotRender() {
        assertThatThrownBy(() -> Chart.template(null)).hasMessageContaining("is required");
    }

    @Test
    void aDisabledServiceNeedsNoneOfItsSecrets() {
        // Without notification-service: no SMTP, no console URL; without the three callers: no client secret.
        Manifests manifests = Chart.render(
                "notificationService.enabled", false,
                "notificationService.database.existingSecret", "",
                "smtp.auth.existingSecret", "",
                "smtp.host", "",
                "console.baseUrl", "",
                "partnerService.enabled", false,
                "deviceService.enabled", false,
                "deviceService.credentials.existingSecret", "",
                "keycloak.servicesClient.existingSecret", "");
        assertThat(manifests.all(Deployment.class))
                .extracting(d -> d.getMetadata().getName())
                .containsExactlyInAnyOrder("devshare-sharing-service", "devshare-project-service", "devshare-console");
    }

    @Test
    void smtpWithoutAuthenticationNeedsNoSmtpSecret() {
        Deployment notification = Chart.render("smtp.auth.enabled", false, "smtp.auth.existingSecret", "")
                .deployment("notification-service");
        assertThat(container(notification).getEnv())
                .extracting(EnvVar::getName)
                .contains("QUARKUS_MAILER_HOST")
                .doesNotContain("QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD");
    }

    @Test
    void secretNamesAndKeysAreTheOperatorsChoice() {
        Manifests manifests = Chart.render(
                "sharingService.database.existingSecret", "pg-sharing",
                "sharingService.database.passwordKey", "pgpass",
                "keycloak.servicesClient.existingSecret", "kc",
                "keycloak.servicesClient.key", "devshare-services",
                "smtp.auth.usernameKey", "user",
                "smtp.auth.passwordKey", "pass");
        DeploymentsTest.assertSecretRef(
                manifests.deployment("sharing-service"), "QUARKUS_DATASOURCE_PASSWORD", "pg-sharing", "pgpass");
        for (String service : List.of("partner-service", "device-service", "notification-service")) {
            DeploymentsTest.assertSecretRef(
                    manifests.deployment(service), "DEVSHARE_SERVICES_CLIENT_SECRET", "kc", "devshare-services");
        }
        Deployment notification = manifests.deployment("notification-service");
        DeploymentsTest.assertSecretRef(notification, "QUARKUS_MAILER_USERNAME", "devshare-smtp", "user");
        DeploymentsTest.assertSecretRef(notification, "QUARKUS_MAILER_PASSWORD", "devshare-smtp", "pass");
        assertThat(env(notification, "QUARKUS_MAILER_PASSWORD")).isPresent();
    }
}
