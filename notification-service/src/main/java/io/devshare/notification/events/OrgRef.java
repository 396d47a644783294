package io.devshare.notification.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An organization as partner events name it: Keycloak id, alias and display name (any may be missing). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrgRef(String id, String alias, String name) {

    /** The display name, else the alias, else a neutral phrase: never null. */
    public String displayName() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        return alias == null || alias.isBlank() ? "An organization" : alias;
    }

    public boolean hasId() {
        return id != null && !id.isBlank();
    }
}
