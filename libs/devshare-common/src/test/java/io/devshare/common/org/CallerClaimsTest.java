package io.devshare.common.org;

import java.util.Map;

import jakarta.json.Json;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

import io.devshare.common.ClaimsToken;
import io.devshare.common.problem.ProblemException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The caller's claims are read once, at verification, and OrgContext answers from them (unit test). */
class CallerClaimsTest {

    @Test
    void theAugmentorReadsTheOrganizationsAndTheClientOnce() {
        SecurityIdentity verified = identity(
                jwt(Map.of("organization", Json.createArrayBuilder().add("acme").build(), "azp", "devshare-console")));

        SecurityIdentity augmented = CallerClaimsAugmentor.withClaims(verified);

        CallerClaims claims = augmented.getAttribute(CallerClaims.ATTRIBUTE);
        assertThat(claims.organizations()).containsExactly("acme");
        assertThat(claims.authorizedParty()).isEqualTo("devshare-console");
        assertThat(augmented.getPrincipal()).isSameAs(verified.getPrincipal());
        assertThat(augmented.getRoles()).containsExactly("org-member");
    }

    @Test
    void orgContextAnswersFromTheIdentityWithoutReadingTheTokenAgain() {
        JsonWebToken refusesToBeRead = new ClaimsToken(Map.of()) {
            @Override
            public <T> T getClaim(String name) {
                throw new AssertionError("the token's claim " + name + " was read again");
            }
        };
        SecurityIdentity person = QuarkusSecurityIdentity.builder()
                .setPrincipal(refusesToBeRead)
                .addAttribute(CallerClaims.ATTRIBUTE, new CallerClaims(java.util.List.of("rentco"), "devshare-console"))
                .build();
        OrgContext org = new OrgContext(refusesToBeRead, person);
        assertThat(org.orgAlias()).isEqualTo("rentco");
        assertThat(org.hasOrganization()).isTrue();
        assertThat(org.isService()).isFalse();

        SecurityIdentity service = QuarkusSecurityIdentity.builder()
                .setPrincipal(refusesToBeRead)
                .addAttribute(CallerClaims.ATTRIBUTE, new CallerClaims(java.util.List.of(), OrgContext.SERVICES_CLIENT))
                .build();
        OrgContext serviceOrg = new OrgContext(refusesToBeRead, service);
        assertThat(serviceOrg.isService()).isTrue();
        assertThatThrownBy(serviceOrg::orgAlias)
                .isInstanceOf(ProblemException.class)
                .hasMessageContaining("names no organization");
    }

    @Test
    void withoutTheAttributeOrgContextReadsTheToken() {
        JsonWebToken severalOrgs = jwt(Map.of(
                "organization",
                Json.createObjectBuilder()
                        .add("acme", Json.createObjectBuilder())
                        .add("subco", Json.createObjectBuilder())
                        .build()));
        OrgContext org = new OrgContext(severalOrgs, identity(severalOrgs));
        assertThat(org.hasOrganization()).isFalse();
        assertThat(org.isService()).as("no azp: not the services' client").isFalse();
        assertThatThrownBy(org::orgAlias).hasMessageContaining("several organizations");
    }

    @Test
    void anonymousAndNonJwtIdentitiesAreLeftAlone() {
        SecurityIdentity anonymous =
                QuarkusSecurityIdentity.builder().setAnonymous(true).build();
        assertThat(CallerClaimsAugmentor.withClaims(anonymous)).isSameAs(anonymous);
        SecurityIdentity basic =
                QuarkusSecurityIdentity.builder().setPrincipal(() -> "someone").build();
        assertThat(CallerClaimsAugmentor.withClaims(basic)).isSameAs(basic);
        assertThat(CallerClaims.of(null)).isEqualTo(CallerClaims.NONE);
    }

    private static SecurityIdentity identity(JsonWebToken jwt) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRole("org-member")
                .build();
    }

    private static JsonWebToken jwt(Map<String, Object> claims) {
        return new ClaimsToken(claims);
    }
}
