package io.devshare.device.service;

import org.junit.jupiter.api.Test;

import io.devshare.device.LegacyHash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceSecretsTest {

    static final String KEY = "a-test-key-of-at-least-32-characters!";

    private final DeviceSecrets secrets = new DeviceSecrets(KEY);

    @Test
    void aSecretIsStoredAsItsHmacAndOnlyItMatches() {
        String secret = secrets.generate();
        String stored = secrets.hash(secret);

        assertThat(secret).hasSize(43);
        assertThat(stored).startsWith("hmac-sha256$").doesNotContain(secret);
        assertThat(DeviceSecrets.scheme(stored)).isEqualTo(DeviceSecrets.Scheme.HMAC);
        assertThat(secrets.matches(secret, stored)).isTrue();
        assertThat(secrets.matches(secret + "x", stored)).isFalse();
        assertThat(secrets.matches(secrets.generate(), stored)).isFalse();
        assertThat(secrets.matches(secret, null)).isFalse();
        assertThat(secrets.matches(secret, "hmac-sha256$!!!")).isFalse();
    }

    @Test
    void anotherKeyDoesNotMatch() {
        String secret = secrets.generate();
        DeviceSecrets otherKey = new DeviceSecrets("another-test-key-of-at-least-32-chars");

        assertThat(otherKey.matches(secret, secrets.hash(secret))).isFalse();
    }

    @Test
    void aShortKeyIsRefused() {
        assertThatThrownBy(() -> new DeviceSecrets("short")).hasMessageContaining("at least 32 characters");
    }

    @Test
    void legacyPbkdf2HashesAreVerifiedOnlyThroughTheSlowPath() {
        String secret = secrets.generate();
        String legacy = LegacyHash.of(secret, 1000);

        assertThat(DeviceSecrets.scheme(legacy)).isEqualTo(DeviceSecrets.Scheme.LEGACY_PBKDF2);
        assertThat(secrets.matches(secret, legacy)).isFalse();
        assertThat(secrets.matchesLegacy(secret, legacy)).isTrue();
        assertThat(secrets.matchesLegacy(secret + "x", legacy)).isFalse();
        assertThat(secrets.matchesLegacy(secret, secrets.hash(secret))).isFalse();
    }
}
