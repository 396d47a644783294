package io.devshare.sharing;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A named set of capabilities. The grant stores the capabilities themselves, so a grant could carry a custom set
 * later without changing how access is decided.
 */
public enum Role {
    VIEWER(EnumSet.of(Capability.VIEW, Capability.VIEW_POSITION, Capability.READ_FIELD_DATA)),
    OPERATOR(EnumSet.of(
            Capability.VIEW,
            Capability.VIEW_POSITION,
            Capability.READ_FIELD_DATA,
            Capability.ASSIGN_TO_PROJECT,
            Capability.PUBLISH_DESIGN,
            Capability.REMOTE_SESSION)),
    MANAGER(EnumSet.allOf(Capability.class));

    private final Set<Capability> capabilities;

    Role(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The capabilities as stored and published: their wire names, in declaration order. */
    public List<String> capabilityNames() {
        return capabilities.stream().map(Capability::wireName).toList();
    }
}
