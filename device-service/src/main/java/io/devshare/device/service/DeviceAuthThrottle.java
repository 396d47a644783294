package io.devshare.device.service;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.devshare.common.limits.Limit;
import io.devshare.common.limits.LimitExceededException;
import io.devshare.device.config.CredentialsConfig;

/**
 * Counts wrong device credentials per device id and per client address, in this replica's memory: what it protects
 * is the replica's own CPU and database pool, so a shared count buys nothing. Each key has a fixed window starting at
 * its first failure; both maps are bounded (least recently used keys are forgotten first) and forget a key one window
 * after its last failure.
 *
 * <ul>
 *   <li>An address (an IPv6 /64, since one host has a whole one) with {@code max-failures-per-address} failures in its
 *       window is answered 429 on every request until the window ends, before any database or hashing work.
 *   <li>A device id with {@code max-failures-per-device} failures: further wrong credentials for it are answered 429,
 *       and a legacy (PBKDF2) hash is not tried; the right secret still passes, so nobody can lock a device out.
 * </ul>
 */
@ApplicationScoped
public class DeviceAuthThrottle {

    private final Limit perDevice;
    private final Limit perAddress;
    private final Ticker ticker;
    private final long windowNanos;
    private final Cache<UUID, Window> devices;
    private final Cache<String, Window> addresses;

    @Inject
    public DeviceAuthThrottle(CredentialsConfig config) {
        this(
                config.maxFailuresPerDevice(),
                config.maxFailuresPerAddress(),
                config.failureWindow(),
                config.throttleTrackedKeys(),
                Ticker.systemTicker());
    }

    DeviceAuthThrottle(int maxPerDevice, int maxPerAddress, Duration window, int trackedKeys, Ticker ticker) {
        this.perDevice = new Limit(
                "device-credential-failures-per-device", maxPerDevice, window, "wrong credentials for this device");
        this.perAddress =
                new Limit("device-credential-failures-per-address", maxPerAddress, window, "wrong device credentials");
        this.ticker = ticker;
        this.windowNanos = window.toNanos();
        this.devices = Caffeine.newBuilder()
                .maximumSize(trackedKeys)
                .expireAfterWrite(window)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
        this.addresses = Caffeine.newBuilder()
                .maximumSize(trackedKeys)
                .expireAfterWrite(window)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** Fails with a 429 when the address has used up its failures in the current window. */
    public void checkAddress(String address) {
        long retryAfter = retryAfter(addresses.getIfPresent(addressKey(address)), perAddress);
        if (retryAfter > 0) {
            throw new LimitExceededException(perAddress, retryAfter);
        }
    }

    /**
     * Fails with a 429 when the device has used up its failures in the current window; called before trying a slow
     * (legacy) hash for it.
     */
    public void checkDevice(UUID deviceId) {
        long retryAfter = retryAfter(devices.getIfPresent(deviceId), perDevice);
        if (retryAfter > 0) {
            throw new LimitExceededException(perDevice, retryAfter);
        }
    }

    /**
     * Counts a wrong credential for the device and the address; answers the problem to answer it with: 429 (with
     * Retry-After, naming the limit) once either has passed its limit, else the 401 with its Basic challenge.
     */
    public RuntimeException failure(UUID deviceId, String address) {
        long now = ticker.read();
        Window byAddress = addresses.asMap().compute(addressKey(address), (k, w) -> next(w, now));
        Window byDevice = devices.asMap().compute(deviceId, (k, w) -> next(w, now));
        if (byAddress.failures() > perAddress.max()) {
            return new LimitExceededException(perAddress, secondsLeft(byAddress, now));
        }
        if (byDevice.failures() > perDevice.max()) {
            return new LimitExceededException(perDevice, secondsLeft(byDevice, now));
        }
        return ProblemWithHeaders.deviceUnauthorized();
    }

    /** Device ids and addresses tracked now (after pending evictions). */
    long tracked() {
        devices.cleanUp();
        addresses.cleanUp();
        return devices.estimatedSize() + addresses.estimatedSize();
    }

    Limit perDevice() {
        return perDevice;
    }

    Limit perAddress() {
        return perAddress;
    }

    private Window next(Window w, long now) {
        return w == null || now - w.start() >= windowNanos
                ? new Window(now, 1)
                : new Window(w.start(), w.failures() + 1);
    }

    private long retryAfter(Window w, Limit limit) {
        if (w == null || w.failures() < limit.max()) {
            return 0;
        }
        long now = ticker.read();
        return now - w.start() >= windowNanos ? 0 : secondsLeft(w, now);
    }

    private long secondsLeft(Window w, long now) {
        long left = w.start() + windowNanos - now;
        return Math.max(1, (left + 999_999_999L) / 1_000_000_000L);
    }

    /** The address as counted: an IPv4 address as is, an IPv6 address by its /64 prefix. */
    static String addressKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        String a = address.strip();
        if (a.startsWith("[") && a.endsWith("]")) {
            a = a.substring(1, a.length() - 1);
        }
        if (!a.contains(":")) {
            return a;
        }
        try {
            // A literal: no name lookup happens.
            byte[] bytes = InetAddress.getByName(a).getAddress();
            if (bytes.length == 16) {
                return HexFormat.of().formatHex(bytes, 0, 8) + "::/64";
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return a.toLowerCase(Locale.ROOT);
        }
    }

    private record Window(long start, int failures) {}
}
