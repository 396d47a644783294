package io.devshare.console.client;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** device-service: the devices an organization owns or was given access to. */
@RegisterRestClient(configKey = "device")
@RegisterProvider(BearerPropagation.class)
public interface DeviceApi {

    @GET
    @Path("/devices")
    Uni<Page<Device>> devices(
            @QueryParam("ownership") String ownership,
            @QueryParam("tag") String tag,
            @QueryParam("cursor") String cursor,
            @QueryParam("limit") int limit);

    @GET
    @Path("/devices/{id}")
    Uni<Device> device(@PathParam("id") UUID id);

    @POST
    @Path("/devices")
    Uni<Device> register(RegisterRequest request);

    record RegisterRequest(
            String serialNumber,
            String manufacturer,
            String model,
            String kind,
            String displayName,
            List<String> tags) {}

    record Credentials(UUID deviceId, String secret) {}

    /** A field-data file's bytes; device-service checks the caller's access again. */
    @GET
    @Path("/devices/{deviceId}/field-data/{fileId}")
    Uni<jakarta.ws.rs.core.Response> fieldData(@PathParam("deviceId") UUID deviceId, @PathParam("fileId") UUID fileId);

    @GET
    @Path("/device-groups")
    Uni<Page<Group>> groups(@QueryParam("cursor") String cursor, @QueryParam("limit") int limit);

    @GET
    @Path("/device-groups/{id}")
    Uni<Group> group(@PathParam("id") UUID id);

    @POST
    @Path("/device-groups")
    Uni<Group> createGroup(GroupRequest request);

    @jakarta.ws.rs.PUT
    @Path("/device-groups/{id}/devices/{deviceId}")
    Uni<Void> addToGroup(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId);

    @jakarta.ws.rs.DELETE
    @Path("/device-groups/{id}/devices/{deviceId}")
    Uni<Void> removeFromGroup(@PathParam("id") UUID id, @PathParam("deviceId") UUID deviceId);

    @GET
    @Path("/licences")
    Uni<Licences> licences();

    @GET
    @Path("/operator/organizations/{org}/licences")
    Uni<Licences> licencesOf(@PathParam("org") String org);

    @jakarta.ws.rs.PUT
    @Path("/operator/organizations/{org}/licences")
    Uni<Licences> setLicences(@PathParam("org") String org, LicenceRequest request);

    record GroupRequest(String name) {}

    record LicenceRequest(Integer size) {}

    record Licences(String organization, int size, int used, int available) {}

    record Group(UUID id, String name, long deviceCount, List<UUID> deviceIds) {}

    record Alias(String alias) {}

    record SharedWith(String alias, String role) {}

    record ActiveAccount(String alias, OffsetDateTime since) {}

    record Position(double lat, double lon, OffsetDateTime recordedAt) {}

    record Device(
            UUID id,
            String serialNumber,
            String manufacturer,
            String model,
            String kind,
            String displayName,
            List<String> tags,
            Alias owner,
            List<SharedWith> sharedWith,
            Alias sharedBy,
            String role,
            ActiveAccount activeAccount,
            Position lastPosition,
            OffsetDateTime createdAt,
            Credentials credentials) {

        public String name() {
            return displayName == null || displayName.isBlank() ? serialNumber : displayName;
        }
    }
}
