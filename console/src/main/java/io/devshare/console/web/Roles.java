package io.devshare.console.web;

import java.util.List;

import io.devshare.console.text.Language;
import io.devshare.console.text.Sentences;

/**
 * The roles a share can give, in words for the person choosing one. sharing-service decides what a role allows
 * (its README: VIEWER = view, view-position, read-field-data; OPERATOR adds assign-to-project, publish-design,
 * remote-session; MANAGER adds configure; roles are answered upper-case, the names used here) and returns each grant's capabilities, which the pages show for existing
 * grants; this table only words the choice before a grant exists.
 */
public final class Roles {

    public record Role(String name, List<String> capabilities) {
        /** The role's name in the page's language. */
        public String label() {
            Sentences m = Language.current().sentences();
            return switch (name) {
                case "VIEWER" -> m.roleViewer();
                case "OPERATOR" -> m.roleOperator();
                default -> m.roleManager();
            };
        }

        public List<String> sentences() {
            return Roles.sentences(capabilities);
        }
    }

    public static final List<Role> ALL = List.of(
            new Role("VIEWER", List.of("view", "view-position", "read-field-data")),
            new Role(
                    "OPERATOR",
                    List.of(
                            "view",
                            "view-position",
                            "read-field-data",
                            "assign-to-project",
                            "publish-design",
                            "remote-session")),
            new Role(
                    "MANAGER",
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

    /** A capability as what the grantee can do, in the page's language; an unknown one as it is named. */
    public static String sentence(String capability) {
        Sentences m = Language.current().sentences();
        return switch (capability) {
            case "view" -> m.capView();
            case "view-position" -> m.capViewPosition();
            case "read-field-data" -> m.capReadFieldData();
            case "assign-to-project" -> m.capAssignToProject();
            case "publish-design" -> m.capPublishDesign();
            case "remote-session" -> m.capRemoteSession();
            case "configure" -> m.capConfigure();
            default -> capability;
        };
    }

    /** What a grantee loses when a grant with these capabilities ends. */
    public static List<String> sentences(List<String> capabilities) {
        return capabilities == null
                ? List.of()
                : capabilities.stream().map(Roles::sentence).toList();
    }
}
