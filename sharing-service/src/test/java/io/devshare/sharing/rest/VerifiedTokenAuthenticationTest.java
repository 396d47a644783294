package io.devshare.sharing.rest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import io.devshare.common.auth.VerifiedTokens;
import io.devshare.common.org.CallerClaims;
import io.devshare.common.org.OrgContext;
import io.devshare.testsupport.RealServersResource;
import io.devshare.testsupport.TestOrgs;
import io.devshare.testsupport.TestOrgs.TestOrg;
import io.devshare.testsupport.Tokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A token verified once is answered from memory afterwards, with the same organization and roles; a forged, altered
 * or missing token is still refused (real Keycloak tokens, real service).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServersResource.class, initArgs = @ResourceArg(name = "database", value = "sharing"))
class VerifiedTokenAuthenticationTest {

    static TestOrg org;
    static TestOrg other;

    @Inject
    VerifiedTokens tokens;

    @BeforeAll
    static void orgs() {
        org = TestOrgs.create("tokens", "Token Org");
        other = TestOrgs.create("tokens-other", "Other Token Org");
    }

    @Test
    void aRememberedTokenKeepsItsOrganizationAndRoles() {
        String member = org.memberToken();
        ping(member).statusCode(200);
        assertThat(tokens.known(member))
                .as("remembered after its first verification")
                .isNotNull();

        // Answered from memory now: still the member of its own organization only.
        check(member, org.alias()).statusCode(200).body("allowed", equalTo(false));
        check(member, other.alias()).statusCode(403);
        given().auth()
                .oauth2(member)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "granteeOrg",
                        other.alias(),
                        "deviceIds",
                        java.util.List.of(UUID.randomUUID()),
                        "role",
                        "viewer"))
                .post("/grants")
                .then()
                .statusCode(403);
        assertThat(tokens.known(member).getRoles()).contains("org-member").doesNotContain("org-admin");
        CallerClaims claims = tokens.known(member).getAttribute(CallerClaims.ATTRIBUTE);
        assertThat(claims.organizations()).as("read once, at verification").containsExactly(org.alias());
        assertThat(claims.authorizedParty()).isNotEqualTo(OrgContext.SERVICES_CLIENT);
    }

    @Test
    void aRememberedServiceTokenStillAsksAboutAnyOrganization() {
        String service = Tokens.serviceToken();
        check(service, org.alias()).statusCode(200).body("allowed", equalTo(false));
        CallerClaims claims = tokens.known(service).getAttribute(CallerClaims.ATTRIBUTE);
        assertThat(claims.organizations()).isEmpty();
        assertThat(claims.authorizedParty()).isEqualTo(OrgContext.SERVICES_CLIENT);
        // From memory now: still the services' client, which may ask about any organization.
        check(service, other.alias()).statusCode(200).body("allowed", equalTo(false));
    }

    @Test
    void anAlteredTokenIsRefusedAfterTheGenuineOneIsRemembered() {
        String genuine = org.adminToken();
        ping(genuine).statusCode(200);
        assertThat(tokens.known(genuine)).isNotNull();

        String[] parts = genuine.split("\\.");
        String badSignature = parts[0] + "." + parts[1] + "." + flipFirst(parts[2]);
        String otherClaims = parts[0] + "." + withOrganization(parts[1], other.alias()) + "." + parts[2];
        for (String forged : java.util.List.of(badSignature, otherClaims, genuine + "x", genuine.substring(1))) {
            ping(forged).statusCode(401);
            check(forged, other.alias()).statusCode(401);
            assertThat(tokens.known(forged)).isNull();
        }
        given().get("/ping/authenticated").then().statusCode(401);
        ping(genuine).statusCode(200);
    }

    @Test
    void theBareCeilingNeedsNoTokenAndTheAuthenticatedOneVerifiesIt() {
        given().get("/ping").then().statusCode(200).body(equalTo("pong"));
        given().get("/ping/authenticated").then().statusCode(401);
        ping(other.memberToken()).statusCode(200).body(equalTo("pong"));
    }

    private static io.restassured.response.ValidatableResponse ping(String token) {
        return given().auth().oauth2(token).get("/ping/authenticated").then();
    }

    private static io.restassured.response.ValidatableResponse check(String token, String forOrg) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("org", forOrg, "device", UUID.randomUUID(), "capability", "view"))
                .post("/access/check")
                .then();
    }

    private static String flipFirst(String base64url) {
        char c = base64url.charAt(0);
        return (c == 'A' ? 'B' : 'A') + base64url.substring(1);
    }

    /** The payload with its organization claim replaced (as an attacker would; the signature no longer fits). */
    private static String withOrganization(String payload, String alias) {
        String json = new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8);
        String changed = json.replaceAll("\"organization\":\\[[^\\]]*\\]", "\"organization\":[\"" + alias + "\"]")
                .replaceAll("\"organization\":\\{[^}]*\\}", "\"organization\":[\"" + alias + "\"]");
        assertThat(changed).as("the token names an organization").isNotEqualTo(json);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(changed.getBytes(StandardCharsets.UTF_8));
    }
}
