package io.devshare.device;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

import io.devshare.device.DeviceApi.Registered;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs.TestOrg;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, item 7: wrong device credentials must not cost the replica's CPU. Secrets are stored as HMAC-SHA256
 * (microseconds, not PBKDF2's ~100 ms), legacy PBKDF2 credentials are re-stored on their first success, and wrong
 * credentials are throttled per device (10 per minute, then 429; the right secret still passes) and per client
 * address (50 per minute, then every request of the address is 429). Each test calls from a loopback address of its
 * own (127.0.0.x), since the address counts are per replica and the test application is shared.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "device"))
class DeviceCredentialsTest {

    static TestOrg org;

    @Inject
    Pool pool;

    @BeforeEach
    void setUp() {
        if (org == null) {
            org = DeviceApi.orgWithPool("dcred", 10);
        }
    }

    @Test
    void secretsAreStoredAsAKeyedHmac() {
        Registered device = DeviceApi.registered(org);

        String stored = storedHash(device.id());

        assertThat(stored).startsWith("hmac-sha256$").doesNotContain(device.secret());
        assertThat(work("127.0.0.11", device.id(), device.secret()).status()).isEqualTo(200);
    }

    @Test
    void wrongCredentialsForOneDeviceAre429AfterTenButItsRightSecretStillPasses() {
        Registered device = DeviceApi.registered(org);
        String from = "127.0.0.12";
        for (int i = 0; i < 10; i++) {
            assertThat(work(from, device.id(), "wrong-" + i).status()).isEqualTo(401);
        }

        Answer refused = work(from, device.id(), "wrong-again");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("content-type")).startsWith("application/problem+json");
        assertThat(refused.body()).contains("\"limit\":\"device-credential-failures-per-device\"");
        assertThat(Long.parseLong(refused.header("retry-after"))).isBetween(1L, 60L);
        // Nobody can lock a device out: its own secret is still accepted, from that address or another.
        assertThat(work(from, device.id(), device.secret()).status()).isEqualTo(200);
        assertThat(work("127.0.0.13", device.id(), device.secret()).status()).isEqualTo(200);
    }

    @Test
    void anAddressSendingFiftyWrongCredentialsIsRefusedOutright() {
        Registered device = DeviceApi.registered(org);
        String from = "127.0.0.14";
        for (int i = 0; i < 50; i++) {
            // Unknown device ids, so only the address limit is reached.
            assertThat(work(from, UUID.randomUUID().toString(), "guess").status())
                    .isEqualTo(401);
        }

        Answer refused = work(from, UUID.randomUUID().toString(), "guess");
        Answer evenRight = work(from, device.id(), device.secret());

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.body()).contains("\"limit\":\"device-credential-failures-per-address\"");
        assertThat(Long.parseLong(refused.header("retry-after"))).isBetween(1L, 60L);
        assertThat(evenRight.status()).isEqualTo(429);
        assertThat(work("127.0.0.15", device.id(), device.secret()).status()).isEqualTo(200);
    }

    @Test
    void aLegacyPbkdf2CredentialWorksOnceMoreAndIsStoredAsHmac() {
        Registered device = DeviceApi.registered(org);
        String legacy = LegacyHash.of(device.secret(), 210_000);
        pool.preparedQuery("UPDATE device SET secret_hash = $1 WHERE id = $2::uuid")
                .execute(Tuple.of(legacy, device.id()))
                .await()
                .indefinitely();
        String from = "127.0.0.16";

        assertThat(work(from, device.id(), device.secret() + "x").status()).isEqualTo(401);
        assertThat(storedHash(device.id())).isEqualTo(legacy);
        assertThat(work(from, device.id(), device.secret()).status()).isEqualTo(200);

        assertThat(storedHash(device.id())).startsWith("hmac-sha256$");
        assertThat(work(from, device.id(), device.secret()).status()).isEqualTo(200);
    }

    @Test
    void aRotatedSecretReplacesTheOldOneAtOnce() {
        Registered device = DeviceApi.registered(org);
        String rotated = given().auth()
                .oauth2(org.adminToken())
                .post(DeviceApi.DEVICES + "/" + device.id() + "/credentials/rotate")
                .then()
                .statusCode(200)
                .extract()
                .path("secret");

        assertThat(work("127.0.0.17", device.id(), device.secret()).status()).isEqualTo(401);
        assertThat(work("127.0.0.17", device.id(), rotated).status()).isEqualTo(200);
    }

    private String storedHash(String deviceId) {
        return pool.preparedQuery("SELECT secret_hash FROM device WHERE id = $1::uuid")
                .execute(Tuple.of(deviceId))
                .await()
                .indefinitely()
                .iterator()
                .next()
                .getString(0);
    }

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name);
        }
    }

    /** GET /device-api/work with Basic credentials, over a connection from {@code localAddress}. */
    private static Answer work(String localAddress, String deviceId, String secret) {
        String credentials =
                Base64.getEncoder().encodeToString((deviceId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        try (Socket socket = new Socket(
                InetAddress.getByName("127.0.0.1"), RestAssured.port, InetAddress.getByName(localAddress), 0)) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /device-api/work HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int headEnd = response.indexOf("\r\n\r\n");
            String[] head = response.substring(0, headEnd).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(
                        head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        head[i].substring(colon + 1).strip());
            }
            return new Answer(Integer.parseInt(head[0].split(" ")[1]), headers, response.substring(headEnd + 4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
