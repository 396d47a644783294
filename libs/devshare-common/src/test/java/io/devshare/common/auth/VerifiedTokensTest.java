package io.devshare.common.auth;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.vertx.ext.web.RoutingContext;

import io.devshare.common.ClaimsToken;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the verified-token memory, with a clock the test moves (unit test: no server involved). */
class VerifiedTokensTest {

    private static final long T0 = 1_800_000_000_000L;
    private final AtomicLong now = new AtomicLong(T0);

    private VerifiedTokens tokens(Duration maxAge, int maxSize) {
        return new VerifiedTokens(true, maxAge, maxSize, now::get);
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpires() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 10);
        SecurityIdentity identity = identity("token-a", T0 + 60_000, "org-member");
        tokens.remember(identity);

        SecurityIdentity known = tokens.known("token-a");
        assertThat(known).isNotNull();
        assertThat(known.getPrincipal()).isSameAs(identity.getPrincipal());
        assertThat(known.getRoles()).containsExactly("org-member");
        assertThat(known.getCredential(AccessTokenCredential.class).getToken()).isEqualTo("token-a");
        assertThat(tokens.known("token-b")).isNull();

        now.set(T0 + 59_999);
        assertThat(tokens.known("token-a")).isNotNull();
        now.set(T0 + 60_000);
        assertThat(tokens.known("token-a")).isNull();
        assertThat(tokens.size()).isZero();
    }

    @Test
    void maxAgeBoundsEvenALongLivedToken() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 10);
        tokens.remember(identity("long", T0 + 3_600_000, "org-admin"));
        now.set(T0 + Duration.ofMinutes(5).toMillis() - 1);
        assertThat(tokens.known("long")).isNotNull();
        now.set(T0 + Duration.ofMinutes(5).toMillis());
        assertThat(tokens.known("long")).isNull();
    }

    @Test
    void onlyLiveVerifiedAccessTokensAreRemembered() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 10);
        tokens.remember(identity("expired", T0 - 1, "org-member"));
        tokens.remember(QuarkusSecurityIdentity.builder().setAnonymous(true).build());
        tokens.remember(QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt(T0 + 60_000))
                .addRole("org-member")
                .build());
        assertThat(tokens.size()).isZero();
        assertThat(tokens.known("expired")).isNull();
        assertThat(tokens.known(null)).isNull();

        VerifiedTokens disabled = new VerifiedTokens(false, Duration.ofMinutes(5), 10, now::get);
        disabled.remember(identity("token-a", T0 + 60_000, "org-member"));
        assertThat(disabled.known("token-a")).isNull();
    }

    @Test
    void theMemoryIsBoundedAndMakesRoomFromExpiredTokensOnly() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 2);
        tokens.remember(identity("one", T0 + 10_000, "org-member"));
        tokens.remember(identity("two", T0 + 20_000, "org-member"));
        tokens.remember(identity("three", T0 + 30_000, "org-member"));
        assertThat(tokens.size()).isEqualTo(2);
        assertThat(tokens.known("three"))
                .as("full: verified every time instead")
                .isNull();
        assertThat(tokens.known("one")).isNotNull();

        now.set(T0 + 10_000);
        tokens.remember(identity("three", T0 + 30_000, "org-member"));
        assertThat(tokens.known("three")).isNotNull();
        assertThat(tokens.known("one")).isNull();

        now.set(T0 + 20_000);
        tokens.purgeExpired();
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void theRequestOfTheFirstVerificationIsNotKept() {
        VerifiedTokens tokens = tokens(Duration.ofMinutes(5), 10);
        SecurityIdentity identity = QuarkusSecurityIdentity.builder(identity("token-a", T0 + 60_000, "org-member"))
                .addAttribute(RoutingContext.class.getName(), "the first request")
                .addAttribute("tenant-id", "Default")
                .build();
        tokens.remember(identity);
        SecurityIdentity known = tokens.known("token-a");
        assertThat((Object) known.getAttribute(RoutingContext.class.getName())).isNull();
        assertThat((Object) known.getAttribute("tenant-id")).isEqualTo("Default");
    }

    @Test
    void theBearerTokenIsReadFromTheAuthorizationHeader() {
        assertThat(VerifiedTokenAuthentication.bearerToken("Bearer abc.def.ghi"))
                .isEqualTo("abc.def.ghi");
        assertThat(VerifiedTokenAuthentication.bearerToken("bearer abc")).isEqualTo("abc");
        assertThat(VerifiedTokenAuthentication.bearerToken("Bearer ")).isNull();
        assertThat(VerifiedTokenAuthentication.bearerToken("Basic dXNlcjpwYXNz"))
                .isNull();
        assertThat(VerifiedTokenAuthentication.bearerToken("Bearerabc")).isNull();
        assertThat(VerifiedTokenAuthentication.bearerToken(null)).isNull();
    }

    private static SecurityIdentity identity(String token, long expiresAtMillis, String role) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt(expiresAtMillis))
                .addCredential(new AccessTokenCredential(token))
                .addRole(role)
                .build();
    }

    /** A verified token; only the expiry matters here. */
    private static JsonWebToken jwt(long expiresAtMillis) {
        return new ClaimsToken(Map.of("sub", "someone", "exp", expiresAtMillis / 1000));
    }
}
