package io.devshare.device.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.device.config.CredentialsConfig;

/**
 * Authenticates a device's own requests by HTTP Basic {@code <deviceId>:<secret>} against the stored PBKDF2 hash.
 * The slow verification runs on a worker thread, never on the event loop. A verified secret is remembered in
 * memory (its SHA-256, together with the stored hash it matched), so the next report of the device skips PBKDF2;
 * rotating the secret changes the stored hash, so the old secret stops working at once on every replica.
 */
@ApplicationScoped
public class DeviceAuthenticator {

    private final Pool pool;
    private final Vertx vertx;
    private final DeviceSecrets secrets;
    private final int cacheSize;
    private final Map<UUID, Verified> verified = new ConcurrentHashMap<>();

    @Inject
    public DeviceAuthenticator(Pool pool, Vertx vertx, DeviceSecrets secrets, CredentialsConfig config) {
        this.pool = pool;
        this.vertx = vertx;
        this.secrets = secrets;
        this.cacheSize = config.verifiedCacheSize();
    }

    /** The device of the {@code Authorization} header; a 401 problem (Basic challenge) otherwise. */
    public Uni<AuthenticatedDevice> authenticate(String authorization) {
        Credentials credentials = parse(authorization);
        if (credentials == null) {
            return Uni.createFrom().failure(ProblemWithHeaders.deviceUnauthorized());
        }
        return pool.preparedQuery("SELECT owner_org, secret_hash FROM device WHERE id = $1")
                .execute(Tuple.of(credentials.deviceId()))
                .chain(rows -> {
                    RowIterator<Row> it = rows.iterator();
                    Row row = it.hasNext() ? it.next() : null;
                    String stored = row == null ? null : row.getString("secret_hash");
                    String owner = row == null ? null : row.getString("owner_org");
                    byte[] fingerprint = DeviceSecrets.fingerprint(credentials.secret());
                    Verified known = verified.get(credentials.deviceId());
                    if (stored != null
                            && known != null
                            && known.storedHash().equals(stored)
                            && MessageDigest.isEqual(known.fingerprint(), fingerprint)) {
                        return Uni.createFrom().item(new AuthenticatedDevice(credentials.deviceId(), owner));
                    }
                    return vertx.executeBlocking(() -> secrets.verify(credentials.secret(), stored), false)
                            .map(ok -> {
                                if (!ok) {
                                    throw ProblemWithHeaders.deviceUnauthorized();
                                }
                                remember(credentials.deviceId(), new Verified(stored, fingerprint));
                                return new AuthenticatedDevice(credentials.deviceId(), owner);
                            });
                });
    }

    private void remember(UUID deviceId, Verified v) {
        if (verified.size() >= cacheSize) {
            verified.clear();
        }
        verified.put(deviceId, v);
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

    private record Verified(String storedHash, byte[] fingerprint) {}
}
