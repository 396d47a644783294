package io.devshare.console.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.devshare.console.client.ProjectApi;

/**
 * What a revoke or a give-back takes from the grantee's projects, from project-service's answer, arranged for the
 * confirmation page: one line per project that loses a device, the people concerned. The words are the template's
 * ({@code SharingPage/impact.html}); this only sorts the facts. {@code known} is false when project-service could
 * not be asked: the page then says the effect could not be previewed.
 */
public record ImpactView(
        boolean known,
        String granteeOrg,
        List<Line> lines,
        int moreProjects,
        List<Person> people,
        int unnamed,
        int kept) {

    /** How many names of devices a line lists before it says "and n more". */
    static final int NAMES = 3;

    /**
     * A project that loses {@code devices} of the grant ({@code single}: the grant is of one device, "it"), with the
     * open sessions that close (opened by {@code openers}, the names project-service knows) and the designs on their
     * way that are cancelled.
     */
    public record Line(
            String name,
            boolean single,
            List<String> deviceNames,
            int moreDevices,
            int sessions,
            List<String> openers,
            long designs) {
        /** Who opened the sessions that close, for the sentence. */
        public String openerNames() {
            return String.join(", ", openers);
        }
    }

    /** A person of the grantee concerned, by username; {@code roles} as project-service names them. */
    public record Person(String name, List<String> roles) {}

    static ImpactView unknown() {
        return new ImpactView(false, null, List.of(), 0, List.of(), 0, 0);
    }

    /** {@code single}: the grant is of one device (not a group), so each line says the project loses "it". */
    static ImpactView of(ProjectApi.Impact impact, boolean single) {
        if (impact == null) {
            return unknown();
        }
        List<ProjectApi.ProjectImpact> projects = orEmpty(impact.projects());
        List<ProjectApi.DeviceImpact> devices = orEmpty(impact.devices());
        List<ProjectApi.SessionImpact> sessions = orEmpty(impact.sessions());
        List<Line> lines = new ArrayList<>();
        for (ProjectApi.ProjectImpact p : projects) {
            List<String> names = devices.stream()
                    .filter(d -> Objects.equals(d.projectId(), p.id()))
                    .map(d -> d.displayName() == null || d.displayName().isBlank()
                            ? "a device (" + shortId(d.deviceId()) + ")"
                            : d.displayName())
                    .toList();
            List<String> shown = names.size() <= NAMES ? names : names.subList(0, NAMES);
            Set<String> openers = new LinkedHashSet<>();
            sessions.stream()
                    .filter(s -> Objects.equals(s.projectId(), p.id()) && s.openedByName() != null)
                    .forEach(s -> openers.add(s.openedByName()));
            lines.add(new Line(
                    p.name(),
                    single,
                    shown,
                    Math.max(0, p.devices() - shown.size()),
                    p.openSessions(),
                    List.copyOf(openers),
                    p.designs()));
        }
        List<Person> people = new ArrayList<>();
        int unnamed = impact.morePeople();
        for (ProjectApi.PersonImpact person : orEmpty(impact.people())) {
            if (person.name() == null || person.name().isBlank()) {
                unnamed++;
            } else {
                people.add(new Person(person.name(), orEmpty(person.roles())));
            }
        }
        return new ImpactView(
                true,
                impact.granteeOrg(),
                lines,
                impact.moreProjects(),
                people,
                unnamed,
                impact.keptThroughAnotherGrant());
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String shortId(UUID id) {
        return id == null ? "?" : id.toString().substring(0, 8);
    }
}
