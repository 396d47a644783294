package io.devshare.common.org;

import java.util.List;
import java.util.Map;

import jakarta.json.Json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OrganizationClaimTest {

    @Test
    void readsTheListShape() {
        assertThat(OrganizationClaim.aliases(
                        Json.createArrayBuilder().add("acme").build()))
                .containsExactly("acme");
    }

    @Test
    void readsTheObjectShapeKeyedByAlias() {
        var claim = Json.createObjectBuilder()
                .add("acme", Json.createObjectBuilder().add("id", "42"))
                .add("rentco", Json.createObjectBuilder().add("id", "43"))
                .build();
        assertThat(OrganizationClaim.aliases(claim)).containsExactlyInAnyOrder("acme", "rentco");
    }

    @Test
    void readsPlainJavaShapesAndDropsBlanks() {
        assertThat(OrganizationClaim.aliases(List.of("acme", " "))).containsExactly("acme");
        assertThat(OrganizationClaim.aliases(Map.of("subco", Map.of()))).containsExactly("subco");
        assertThat(OrganizationClaim.aliases("solo")).containsExactly("solo");
    }

    @Test
    void noClaimMeansNoOrganization() {
        assertThat(OrganizationClaim.aliases(null)).isEmpty();
        assertThat(OrganizationClaim.aliases(Json.createArrayBuilder().build())).isEmpty();
        assertThat(OrganizationClaim.aliases(42)).isEmpty();
    }
}
