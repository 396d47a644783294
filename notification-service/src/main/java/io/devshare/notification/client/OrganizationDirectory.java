package io.devshare.notification.client;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.keycloak.KeycloakOrganizations;
import io.devshare.notification.events.OrgRef;

/**
 * Organizations by alias, read from Keycloak (sharing- and project-events name organizations by alias only; mails
 * need the display name and the Keycloak id for the admins), through {@link KeycloakOrganizations}: the whole list
 * is cached for {@code devshare.organizations.cache-ttl}; a miss re-reads it at most once per
 * {@code devshare.organizations.miss-refresh}. A failure to reach Keycloak fails the answer, so the caller retries.
 */
@ApplicationScoped
public class OrganizationDirectory {

    private final KeycloakOrganizations organizations;

    @Inject
    OrganizationDirectory(KeycloakOrganizations organizations) {
        this.organizations = organizations;
    }

    /**
     * The organization with this alias as an {@link OrgRef}: with its id and name when Keycloak knows it, else the
     * alias alone (no admins can be found for it, its contacts still can).
     */
    public Uni<OrgRef> byAlias(String alias) {
        if (alias == null || alias.isBlank()) {
            return Uni.createFrom().item(new OrgRef(null, null, null));
        }
        return organizations
                .byAlias(alias)
                .map(found ->
                        found.map(o -> new OrgRef(o.id(), o.alias(), o.name())).orElse(new OrgRef(null, alias, null)));
    }
}
