package io.devshare.device.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.devshare.device.config.CredentialsConfig;

/**
 * Device secrets: 256 random bits shown once, stored as {@code hmac-sha256$<base64 HMAC-SHA256(key, secret)>} under
 * a server key from the configuration. A secret that long cannot be guessed, so a slow hash buys nothing and only
 * lets anybody without credentials burn the replica's CPU; the key means a copy of the database alone cannot even
 * check a guess. Hashing and verifying take microseconds: fine on the event loop.
 *
 * <p>Credentials stored before (PBKDF2WithHmacSHA256, {@code pbkdf2-sha256$<iterations>$<salt>$<hash>}) are still
 * verified, slowly and off the event loop ({@link #matchesLegacy}), and then stored again in the new form.
 */
@ApplicationScoped
public class DeviceSecrets {

    static final String SCHEME = "hmac-sha256";
    static final String LEGACY_SCHEME = "pbkdf2-sha256";
    static final int MIN_KEY_LENGTH = 32;
    private static final String MAC = "HmacSHA256";
    private static final String LEGACY_ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SECRET_BYTES = 32;
    private static final int LEGACY_HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** How a stored credential is hashed. */
    public enum Scheme {
        HMAC,
        LEGACY_PBKDF2,
        UNKNOWN
    }

    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    @Inject
    public DeviceSecrets(CredentialsConfig config) {
        this(config.hashKey());
    }

    DeviceSecrets(String hashKey) {
        if (hashKey == null || hashKey.length() < MIN_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "devshare.device-credentials.hash-key must be at least " + MIN_KEY_LENGTH + " characters");
        }
        this.key = new SecretKeySpec(hashKey.getBytes(StandardCharsets.UTF_8), MAC);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A new secret: 32 random bytes, URL-safe base64 without padding (43 characters). */
    public String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The stored form of {@code secret}. */
    public String hash(String secret) {
        return SCHEME + "$" + Base64.getEncoder().withoutPadding().encodeToString(mac(secret));
    }

    public static Scheme scheme(String stored) {
        if (stored == null) {
            return Scheme.UNKNOWN;
        }
        if (stored.startsWith(SCHEME + "$")) {
            return Scheme.HMAC;
        }
        if (stored.startsWith(LEGACY_SCHEME + "$")) {
            return Scheme.LEGACY_PBKDF2;
        }
        return Scheme.UNKNOWN;
    }

    /**
     * Fast: whether {@code secret} matches {@code stored} in the HMAC form. Anything else (no device, a legacy
     * hash) costs the same HMAC and answers false.
     */
    public boolean matches(String secret, String stored) {
        byte[] actual = mac(secret);
        if (scheme(stored) != Scheme.HMAC) {
            return false;
        }
        try {
            byte[] expected = Base64.getDecoder().decode(stored.substring(SCHEME.length() + 1));
            return MessageDigest.isEqual(expected, actual);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Slow (PBKDF2, about 100 ms): whether {@code secret} matches a legacy {@code stored} hash. Off the event loop. */
    public boolean matchesLegacy(String secret, String stored) {
        if (scheme(stored) != Scheme.LEGACY_PBKDF2) {
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4) {
            return false;
        }
        try {
            int n = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(secret, salt, n));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private byte[] mac(String secret) {
        Mac mac = macs.get();
        return mac.doFinal(secret.getBytes(StandardCharsets.UTF_8));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(MAC);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(MAC + " is unavailable", e);
        }
    }

    private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, LEGACY_HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(LEGACY_ALGORITHM)
                    .generateSecret(spec)
                    .getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(LEGACY_ALGORITHM + " is unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
