package io.devshare.device.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Authenticates a device's own requests by HTTP Basic {@code <deviceId>:<secret>}: one primary-key read and one
 * HMAC-SHA256 ({@link DeviceSecrets}), microseconds of CPU, whether the credentials are right or wrong and whether
 * the device exists. Wrong ones are counted per device and per client address ({@link DeviceAuthThrottle}): beyond
 * the limits they are answered 429 with Retry-After, and an address over its limit gets 429 before any work at all.
 *
 * <p>A credential still stored in the legacy PBKDF2 form is verified once, on a worker thread, and stored again as
 * HMAC (only if it is still the stored one, so a rotation in between wins); a device over its failure limit is not
 * tried against a legacy hash.
 */
@ApplicationScoped
public class DeviceAuthenticator {

    private static final Logger LOG = Logger.getLogger(DeviceAuthenticator.class);

    private final Pool pool;
    private final Vertx vertx;
    private final DeviceSecrets secrets;
    private final DeviceAuthThrottle throttle;

    @Inject
    public DeviceAuthenticator(Pool pool, Vertx vertx, DeviceSecrets secrets, DeviceAuthThrottle throttle) {
        this.pool = pool;
        this.vertx = vertx;
        this.secrets = secrets;
        this.throttle = throttle;
    }

    /**
     * The device of the {@code Authorization} header, calling from {@code clientAddress}; a 401 problem (Basic
     * challenge) otherwise, or 429 once the device or the address has had too many wrong credentials.
     */
    public Uni<AuthenticatedDevice> authenticate(String authorization, String clientAddress) {
        try {
            throttle.checkAddress(clientAddress);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        Credentials credentials = parse(authorization);
        if (credentials == null) {
            return Uni.createFrom().failure(ProblemWithHeaders.deviceUnauthorized());
        }
        UUID id = credentials.deviceId();
        return pool.preparedQuery("SELECT owner_org, secret_hash FROM device WHERE id = $1")
                .execute(Tuple.of(id))
                .chain(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    Row row = it.hasNext() ? it.next() : null;
                    String stored = row == null ? null : row.getString("secret_hash");
                    String owner = row == null ? null : row.getString("owner_org");
                    if (secrets.matches(credentials.secret(), stored)) {
                        return Uni.createFrom().item(new AuthenticatedDevice(id, owner));
                    }
                    if (DeviceSecrets.scheme(stored) == DeviceSecrets.Scheme.LEGACY_PBKDF2) {
                        return legacy(credentials, stored, owner, clientAddress);
                    }
                    return Uni.createFrom().failure(throttle.failure(id, clientAddress));
                });
    }

    /** Verifies a legacy PBKDF2 hash off the event loop and, when it matches, stores the secret as HMAC. */
    private Uni<AuthenticatedDevice> legacy(Credentials credentials, String stored, String owner, String address) {
        UUID id = credentials.deviceId();
        try {
            throttle.checkDevice(id);
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(e);
        }
        return vertx.executeBlocking(() -> secrets.matchesLegacy(credentials.secret(), stored), false)
                .chain(ok -> {
                    if (!ok) {
                        return Uni.createFrom().failure(throttle.failure(id, address));
                    }
                    return pool.preparedQuery("UPDATE device SET secret_hash = $1 WHERE id = $2 AND secret_hash = $3")
                            .execute(Tuple.of(secrets.hash(credentials.secret()), id, stored))
                            .invoke(updated -> {
                                if (updated.rowCount() == 1) {
                                    LOG.infof("device %s: credentials re-stored from PBKDF2 to HMAC-SHA256", id);
                                }
                            })
                            .replaceWith(new AuthenticatedDevice(id, owner));
                });
    }

    /** Null unless the header is {@code Basic base64(<uuid>:<non-empty secret>)}. */
    static Credentials parse(String authorization) {
        if (authorization == null) {
            return null;
        }
        String header = authorization.strip();
        int space = header.indexOf(' ');
        if (space < 0 || !"basic".equals(header.substring(0, space).toLowerCase(Locale.ROOT))) {
            return null;
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder().decode(header.substring(space + 1).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || colon == decoded.length() - 1 || decoded.length() > 512) {
            return null;
        }
        try {
            return new Credentials(UUID.fromString(decoded.substring(0, colon)), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    record Credentials(UUID deviceId, String secret) {}
}
