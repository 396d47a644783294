package io.devshare.common.org;

import java.util.List;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * What {@link OrgContext} needs from the caller's verified access token: the organizations its {@code organization}
 * claim names, and the client it was issued to ({@code azp}). Read once per verified token by {@link
 * CallerClaimsAugmentor} and carried by the security identity, so a request does not read the claims again.
 * Reading a custom claim through {@link JsonWebToken#getClaim} costs an exception inside smallrye-jwt (it first
 * tries the name as a standard claim), which was 5.7 % of sharing-service's event-loop CPU samples under the
 * access-check load.
 */
public record CallerClaims(List<String> organizations, String authorizedParty) {

    /** The security identity's attribute that holds them. */
    public static final String ATTRIBUTE = "io.devshare.caller-claims";

    public static final CallerClaims NONE = new CallerClaims(List.of(), null);

    public CallerClaims {
        organizations = List.copyOf(organizations);
    }

    public static CallerClaims of(JsonWebToken jwt) {
        if (jwt == null) {
            return NONE;
        }
        Object azp = jwt.getClaim("azp");
        return new CallerClaims(
                OrganizationClaim.aliases(jwt.getClaim(OrganizationClaim.NAME)),
                azp == null ? null : azp instanceof JsonString s ? s.getString() : azp.toString());
    }
}
