package io.devshare.partner.client;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.keycloak.KeycloakOrganizations;
import io.devshare.partner.Organization;

/**
 * Looks organizations up by alias or id in Keycloak (the source of truth), through {@link KeycloakOrganizations}'
 * short-lived cache of the whole list: hits for {@code devshare.organizations.cache-ttl}, a miss re-reads Keycloak
 * at most once per {@code devshare.organizations.miss-refresh}.
 */
@ApplicationScoped
public class OrganizationDirectory {

    private final KeycloakOrganizations organizations;

    @Inject
    OrganizationDirectory(KeycloakOrganizations organizations) {
        this.organizations = organizations;
    }

    /** The enabled organization with this alias (case-insensitive), if Keycloak has one. */
    public Uni<Optional<Organization>> byAlias(String alias) {
        return organizations.byAlias(alias).map(found -> found.map(OrganizationDirectory::organization));
    }

    /** The enabled organization with this Keycloak id, if any. */
    public Uni<Optional<Organization>> byId(String id) {
        return organizations.byId(id).map(found -> found.map(OrganizationDirectory::organization));
    }

    private static Organization organization(KeycloakOrganizations.Found o) {
        return new Organization(o.id(), o.alias(), o.name());
    }
}
