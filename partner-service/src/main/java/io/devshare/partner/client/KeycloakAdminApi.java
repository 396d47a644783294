package io.devshare.partner.client;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of Keycloak's admin API partner-service reads, authenticated as the services' client. */
@RegisterRestClient(configKey = "keycloak-admin")
@OidcClientFilter
@Path("/organizations")
interface KeycloakAdminApi {

    @GET
    Uni<List<OrganizationRepresentation>> organizations(
            @QueryParam("first") int first,
            @QueryParam("max") int max,
            @QueryParam("briefRepresentation") boolean brief);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrganizationRepresentation(String id, String name, String alias, Boolean enabled) {}
}
