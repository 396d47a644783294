package io.devshare.device.service;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.devshare.common.limits.LimitExceededException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceAuthThrottleTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);
    private final DeviceAuthThrottle throttle = new DeviceAuthThrottle(3, 5, Duration.ofMinutes(1), 100, nanos::get);

    @Test
    void aDeviceGets401UntilItsLimitThen429WithTheSecondsLeftInItsWindow() {
        UUID device = UUID.randomUUID();
        for (int i = 1; i <= 3; i++) {
            assertThat(throttle.failure(device, "10.0.0." + i)).isInstanceOf(ProblemWithHeaders.class);
        }
        assertThatCode(() -> throttle.checkAddress("10.0.0.1")).doesNotThrowAnyException();
        advance(Duration.ofSeconds(20));

        RuntimeException fourth = throttle.failure(device, "10.0.0.9");

        assertThat(fourth).isInstanceOfSatisfying(LimitExceededException.class, e -> {
            assertThat(e.limit()).isEqualTo(throttle.perDevice());
            assertThat(e.retryAfterSeconds()).isEqualTo(40);
            assertThat(e.headers()).containsEntry("Retry-After", "40");
        });
        assertThatThrownBy(() -> throttle.checkDevice(device)).isInstanceOf(LimitExceededException.class);
        assertThatCode(() -> throttle.checkDevice(UUID.randomUUID())).doesNotThrowAnyException();
    }

    @Test
    void anAddressOverItsLimitIsRefusedOutrightUntilTheWindowEnds() {
        for (int i = 0; i < 5; i++) {
            throttle.failure(UUID.randomUUID(), "192.0.2.7");
        }

        assertThatThrownBy(() -> throttle.checkAddress("192.0.2.7"))
                .isInstanceOfSatisfying(
                        LimitExceededException.class, e -> assertThat(e.limit()).isEqualTo(throttle.perAddress()));
        assertThatCode(() -> throttle.checkAddress("192.0.2.8")).doesNotThrowAnyException();

        advance(Duration.ofSeconds(60));
        assertThatCode(() -> throttle.checkAddress("192.0.2.7")).doesNotThrowAnyException();
        assertThat(throttle.failure(UUID.randomUUID(), "192.0.2.7")).isInstanceOf(ProblemWithHeaders.class);
    }

    @Test
    void oneIpv6HostIsCountedByItsSlash64() {
        for (int i = 0; i < 5; i++) {
            throttle.failure(UUID.randomUUID(), "2001:db8:1:2::" + Integer.toHexString(i + 1));
        }

        assertThatThrownBy(() -> throttle.checkAddress("2001:db8:1:2:ffff::1"))
                .isInstanceOf(LimitExceededException.class);
        assertThatCode(() -> throttle.checkAddress("2001:db8:1:3::1")).doesNotThrowAnyException();
        assertThat(DeviceAuthThrottle.addressKey("[2001:db8:1:2::9]")).isEqualTo("20010db800010002::/64");
        assertThat(DeviceAuthThrottle.addressKey("127.0.0.1")).isEqualTo("127.0.0.1");
    }

    @Test
    void theTrackedKeysAreBounded() {
        DeviceAuthThrottle small = new DeviceAuthThrottle(1, 1, Duration.ofMinutes(1), 10, nanos::get);
        for (int i = 0; i < 10_000; i++) {
            small.failure(UUID.randomUUID(), "198.51.100." + (i % 250));
        }
        assertThat(small.tracked()).isLessThanOrEqualTo(20);
        assertThat(small.failure(UUID.randomUUID(), "203.0.113.1")).isInstanceOf(ProblemWithHeaders.class);
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
