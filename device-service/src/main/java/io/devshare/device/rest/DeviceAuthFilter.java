package io.devshare.device.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

import io.devshare.device.service.DeviceAuthenticator;

/**
 * Authenticates every request to {@code /device-api/*} by the device's HTTP Basic credentials, before its body
 * is read (so nothing of an unauthenticated upload is stored or even parsed). These paths are public to OIDC:
 * a person's bearer token does not open them. Wrong credentials are throttled per device and per client address
 * (the connection's remote address; behind a proxy, enable {@code quarkus.http.proxy.proxy-address-forwarding} so it
 * is the client's).
 */
public class DeviceAuthFilter {

    static final String PREFIX = "/device-api/";

    private final DeviceAuthenticator authenticator;
    private final DeviceCaller caller;

    @Inject
    public DeviceAuthFilter(DeviceAuthenticator authenticator, DeviceCaller caller) {
        this.authenticator = authenticator;
        this.caller = caller;
    }

    @ServerRequestFilter
    public Uni<Void> authenticateDevice(ContainerRequestContext request, HttpServerRequest http) {
        String path = request.getUriInfo().getPath();
        if (path == null || !path.startsWith(PREFIX)) {
            return Uni.createFrom().voidItem();
        }
        return authenticator
                .authenticate(request.getHeaderString("Authorization"), clientAddress(http))
                .invoke(caller::set)
                .replaceWithVoid();
    }

    private static String clientAddress(HttpServerRequest http) {
        return http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
    }
}
