package io.devshare.console.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The signed-in person and their organization, read from the access token of their session (verified by Quarkus
 * OIDC at sign-in and at every refresh; the services verify it again on every call).
 */
@RequestScoped
public class Who {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode claims;

    @Inject
    public Who(SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        this.claims = token == null ? JSON.createObjectNode() : claims(token.getToken());
    }

    /** The organization's alias (its short name), or null when the token names none. */
    public String org() {
        List<String> orgs = orgs();
        return orgs.size() == 1 ? orgs.get(0) : null;
    }

    /** Every organization the token names: one after sign-in, unless Keycloak was asked for all. */
    public List<String> orgs() {
        JsonNode org = claims.path("organization");
        List<String> aliases = new ArrayList<>();
        if (org.isArray()) {
            org.forEach(n -> aliases.add(n.asText()));
        } else if (org.isObject()) {
            for (Iterator<String> it = org.fieldNames(); it.hasNext(); ) {
                aliases.add(it.next());
            }
        }
        return aliases;
    }

    public String name() {
        String name = claims.path("name").asText("");
        return name.isBlank() ? claims.path("preferred_username").asText("") : name;
    }

    public String username() {
        return claims.path("preferred_username").asText("");
    }

    private static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            return JSON.createObjectNode();
        }
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return JSON.createObjectNode();
        }
    }
}
