package io.devshare.common.auth;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a request whose bearer token this replica verified before ({@link VerifiedTokens}) with that identity;
 * any other request (no token, an unknown, expired or invalid one) falls through to Quarkus OIDC, which verifies
 * it in full, answers 401 when it fails, and sends the challenge.
 */
@ApplicationScoped
public class VerifiedTokenAuthentication implements HttpAuthenticationMechanism {

    private static final String SCHEME = "Bearer ";
    private static final Uni<SecurityIdentity> UNKNOWN = Uni.createFrom().nullItem();
    private static final Uni<ChallengeData> NO_CHALLENGE = Uni.createFrom().nullItem();
    private static final Uni<HttpCredentialTransport> TRANSPORT =
            Uni.createFrom().item(new HttpCredentialTransport(HttpCredentialTransport.Type.AUTHORIZATION, "bearer"));

    private final VerifiedTokens tokens;

    @Inject
    public VerifiedTokenAuthentication(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        SecurityIdentity known = tokens.known(bearerToken(context.request().getHeader(HttpHeaders.AUTHORIZATION)));
        if (known == null) {
            return UNKNOWN;
        }
        return Uni.createFrom()
                .item(QuarkusSecurityIdentity.builder(known)
                        .addAttribute(RoutingContext.class.getName(), context)
                        .build());
    }

    /** The token of an {@code Authorization: Bearer <token>} header, else null. */
    static String bearerToken(String header) {
        if (header == null
                || header.length() <= SCHEME.length()
                || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        return header.substring(SCHEME.length()).trim();
    }

    /** Never the one to challenge: OIDC's mechanism does (401 with {@code WWW-Authenticate: Bearer}). */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return NO_CHALLENGE;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return TRANSPORT;
    }

    /** Before OIDC's mechanism (which runs at the default priority + 1). */
    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
