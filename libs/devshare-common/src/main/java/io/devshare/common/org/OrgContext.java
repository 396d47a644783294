package io.devshare.common.org;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;

import io.devshare.common.problem.ProblemException;

/**
 * The caller's organization, read from the {@code organization} claim of the verified access token. Every
 * service scopes what a caller sees and changes to this organization; a token that names no organization
 * (or several, without a narrowing {@code organization:<alias>} scope) may do nothing organization-bound.
 */
@RequestScoped
public class OrgContext {

    public static final String ROLE_ADMIN = "org-admin";
    public static final String ROLE_MEMBER = "org-member";
    public static final String ROLE_OPERATOR = "platform-operator";
    /** The confidential client the services call each other (and Keycloak) with. */
    public static final String SERVICES_CLIENT = "devshare-services";

    private final JsonWebToken jwt;
    private final SecurityIdentity identity;
    /** The token's claims this request needs, read once (from the identity, where they were read at verification). */
    private CallerClaims claims;

    @Inject
    public OrgContext(JsonWebToken jwt, SecurityIdentity identity) {
        this.jwt = jwt;
        this.identity = identity;
    }

    /** The alias of the caller's organization; 403 problem when the token names none or several. */
    public String orgAlias() {
        List<String> aliases = claims().organizations();
        if (aliases.isEmpty()) {
            throw ProblemException.forbidden("The access token names no organization.");
        }
        if (aliases.size() > 1) {
            throw ProblemException.forbidden(
                    "The access token names several organizations; request it with scope organization:<alias>.");
        }
        return aliases.get(0);
    }

    /** Whether the token names exactly one organization (a person's token), rather than none (a service's). */
    public boolean hasOrganization() {
        return claims().organizations().size() == 1;
    }

    /** Whether the caller is one of the Devshare services (client credentials of {@code devshare-services}). */
    public boolean isService() {
        return !hasOrganization() && SERVICES_CLIENT.equals(claims().authorizedParty());
    }

    private CallerClaims claims() {
        if (claims == null) {
            Object known = identity.getAttribute(CallerClaims.ATTRIBUTE);
            claims = known instanceof CallerClaims c ? c : CallerClaims.of(jwt);
        }
        return claims;
    }

    /** The subject (Keycloak user id) of the caller. */
    public String userId() {
        return jwt.getSubject();
    }
}
