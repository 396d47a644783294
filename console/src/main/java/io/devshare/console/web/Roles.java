package io.devshare.console.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The roles a share can give, in words for the person choosing one. sharing-service decides what a role allows
 * (its README: viewer = view, view-position, read-field-data; operator adds assign-to-project, publish-design,
 * remote-session; manager adds configure) and returns each grant's capabilities, which the pages show for existing
 * grants; this table only words the choice before a grant exists.
 */
public final class Roles {

    public record Role(String name, String label, List<String> capabilities) {
        public List<String> sentences() {
            return capabilities.stream().map(Roles::sentence).toList();
        }
    }

    private static final Map<String, String> CAPABILITIES = new LinkedHashMap<>();

    static {
        CAPABILITIES.put("view", "see the device and its details");
        CAPABILITIES.put("view-position", "see where it is");
        CAPABILITIES.put("read-field-data", "download the field data it uploads");
        CAPABILITIES.put("assign-to-project", "assign it to their projects, where it then works for them");
        CAPABILITIES.put("publish-design", "send designs to it");
        CAPABILITIES.put("remote-session", "open remote sessions on it");
        CAPABILITIES.put("configure", "change its settings");
    }

    public static final List<Role> ALL = List.of(
            new Role("VIEWER", "Viewer", List.of("view", "view-position", "read-field-data")),
            new Role(
                    "OPERATOR",
                    "Operator",
                    List.of(
                            "view",
                            "view-position",
                            "read-field-data",
                            "assign-to-project",
                            "publish-design",
                            "remote-session")),
            new Role(
                    "MANAGER",
                    "Manager",
                    List.of(
                            "view",
                            "view-position",
                            "read-field-data",
                            "assign-to-project",
                            "publish-design",
                            "remote-session",
                            "configure")));

    private Roles() {}

    public static Role of(String name) {
        return ALL.stream()
                .filter(r -> r.name().equalsIgnoreCase(name == null ? "" : name))
                .findFirst()
                .orElse(null);
    }

    public static String sentence(String capability) {
        return CAPABILITIES.getOrDefault(capability, capability);
    }

    /** What a grantee loses when a grant with these capabilities ends. */
    public static List<String> sentences(List<String> capabilities) {
        return capabilities == null
                ? List.of()
                : capabilities.stream().map(Roles::sentence).toList();
    }
}
