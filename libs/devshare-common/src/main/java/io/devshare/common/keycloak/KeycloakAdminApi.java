package io.devshare.common.keycloak;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The part of Keycloak's admin API the services read, authenticated as the services' client (realm management
 * roles view-organizations, and view-users for members and roles). A service that uses it has the extensions
 * {@code quarkus-rest-client-jackson} and {@code quarkus-rest-client-oidc-filter} and configures it itself:
 * {@code quarkus.rest-client.keycloak-admin.url={keycloak}/admin/realms/{realm}} and {@code quarkus.oidc-client.*}.
 */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
public interface KeycloakAdminApi {

    /** One page of the realm's organizations. */
    @GET
    @Path("/organizations")
    Uni<List<OrganizationRepresentation>> organizations(
            @QueryParam("first") int first,
            @QueryParam("max") int max,
            @QueryParam("briefRepresentation") boolean brief);

    /** One page of an organization's members (404 when there is no such organization). */
    @GET
    @Path("/organizations/{orgId}/members")
    Uni<List<MemberRepresentation>> members(
            @PathParam("orgId") String orgId, @QueryParam("first") int first, @QueryParam("max") int max);

    /**
     * A user's effective realm roles: assigned directly, through a group or through a composite role (404 when
     * the user no longer exists).
     */
    @GET
    @Path("/users/{userId}/role-mappings/realm/composite")
    Uni<List<RoleRepresentation>> effectiveRealmRoles(
            @PathParam("userId") String userId, @QueryParam("briefRepresentation") boolean brief);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrganizationRepresentation(String id, String name, String alias, Boolean enabled) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MemberRepresentation(String id, String username, String email, Boolean enabled) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record RoleRepresentation(String id, String name) {}
}
