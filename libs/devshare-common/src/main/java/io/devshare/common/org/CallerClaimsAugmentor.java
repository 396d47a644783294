package io.devshare.common.org;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Adds the token's {@link CallerClaims} to every identity verified from a JWT. It runs just before {@code
 * VerifiedTokens} (the last augmentor), so a remembered identity carries them and a request answered from it does
 * not read the token's claims at all.
 */
@ApplicationScoped
public class CallerClaimsAugmentor implements SecurityIdentityAugmentor {

    @Override
    public int priority() {
        return Integer.MIN_VALUE + 1;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        return Uni.createFrom().item(withClaims(identity));
    }

    static SecurityIdentity withClaims(SecurityIdentity identity) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return identity;
        }
        return QuarkusSecurityIdentity.builder(identity)
                .addAttribute(CallerClaims.ATTRIBUTE, CallerClaims.of(jwt))
                .build();
    }
}
