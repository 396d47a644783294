package io.devshare.common;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** A verified token's claims as OIDC exposes them, for unit tests (no issuer, no signature). */
public class ClaimsToken implements JsonWebToken {

    private final Map<String, Object> claims;

    public ClaimsToken(Map<String, Object> claims) {
        this.claims = claims;
    }

    @Override
    public String getName() {
        return "someone";
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String name) {
        return (T) claims.get(name);
    }
}
