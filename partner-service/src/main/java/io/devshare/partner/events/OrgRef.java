package io.devshare.partner.events;

import io.devshare.partner.Organization;

/** An organization as partner events name it: Keycloak id, alias and display name. */
public record OrgRef(String id, String alias, String name) {

    public static OrgRef of(Organization org) {
        return new OrgRef(org.id(), org.alias(), org.name());
    }
}
