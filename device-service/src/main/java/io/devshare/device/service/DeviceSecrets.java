package io.devshare.device.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.devshare.device.config.CredentialsConfig;

/**
 * Device secrets: 256 random bits shown once, stored only as a PBKDF2WithHmacSHA256 hash in the self-describing
 * form {@code pbkdf2-sha256$<iterations>$<salt>$<hash>} (base64, 16-byte salt, 32-byte hash). Hashing and verifying
 * are deliberately slow: call them off the event loop.
 */
@ApplicationScoped
public class DeviceSecrets {

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final String SCHEME = "pbkdf2-sha256";
    static final int MIN_ITERATIONS = 210_000;
    private static final int SECRET_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final int iterations;
    private volatile String dummyHash;

    @Inject
    public DeviceSecrets(CredentialsConfig config) {
        this(config.iterations());
    }

    DeviceSecrets(int iterations) {
        if (iterations < MIN_ITERATIONS) {
            throw new IllegalArgumentException(
                    "devshare.device-credentials.iterations must be at least " + MIN_ITERATIONS);
        }
        this.iterations = iterations;
    }

    /** A new secret: 32 random bytes, URL-safe base64 without padding (43 characters). */
    public String generate() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Slow: the stored form of {@code secret}. */
    public String hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = pbkdf2(secret, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    /** Slow: whether {@code secret} matches {@code stored}; a null {@code stored} costs the same and answers false. */
    public boolean verify(String secret, String stored) {
        if (stored == null) {
            verify(secret, dummy());
            return false;
        }
        String[] parts = stored.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
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

    /** Fast, for the in-memory cache of verified secrets only (never stored): SHA-256 of the secret. */
    public static byte[] fingerprint(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String dummy() {
        String d = dummyHash;
        if (d == null) {
            d = hash(generate());
            dummyHash = d;
        }
        return d;
    }

    private static byte[] pbkdf2(String secret, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        } finally {
            spec.clearPassword();
        }
    }
}
