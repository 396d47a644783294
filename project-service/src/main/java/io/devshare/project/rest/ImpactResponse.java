package io.devshare.project.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.devshare.project.service.ImpactService;

@Schema(
        description = "What ending a grant (a revoke by its owner, a give-back by its grantee) would take from the"
                + " grantee's projects, now. Each list holds at most `limit` entries; its `more…` counts the rest.")
public record ImpactResponse(
        UUID grantId,
        @Schema(examples = "rentco") String ownerOrg,
        @Schema(examples = "acme") String granteeOrg,

        @Schema(description = "The grantee's projects that lose a device of the grant, by name")
        List<ProjectImpact> projects,

        int moreProjects,

        @Schema(description = "The assignments that end, newest first")
        List<DeviceImpact> devices,

        int moreDevices,

        @Schema(description = "Open remote sessions on those devices that close, newest first")
        List<SessionImpact> sessions,

        int moreSessions,

        @Schema(description = "Designs on their way to those devices whose transfers are cancelled, latest first")
        List<DesignImpact> designs,

        long moreDesigns,

        @Schema(description = "All transfers cancelled") long transfers,

        @Schema(description = "The grantee's people concerned: who assigned, opened a session, published a design")
        List<PersonImpact> people,

        int morePeople,

        @Schema(
                description = "Assignments through this grant that stay, because another grant of the grantee allows"
                        + " them")
        int keptThroughAnotherGrant) {

    @Schema(description = "A project that loses devices, with what goes with them")
    public record ProjectImpact(
            UUID id,
            @Schema(examples = "North Bridge") String name,
            @Schema(examples = "ACTIVE") String status,
            int devices,
            int openSessions,
            long designs,
            long transfers) {}

    public record DeviceImpact(
            UUID deviceId,
            @Schema(examples = "Excavator 12 (CAT 336)") String displayName,
            @Schema(examples = "EXCAVATOR") String kind,
            UUID projectId,

            @Schema(description = "Keycloak user id of who assigned it")
            String assignedBy,

            OffsetDateTime assignedAt) {}

    public record SessionImpact(
            UUID id,
            UUID projectId,
            UUID deviceId,

            @Schema(description = "Keycloak user id of who opened it")
            String openedBy,

            @Schema(examples = "jane") String openedByName,
            OffsetDateTime openedAt,

            @Schema(description = "OPEN or JOINED", examples = "JOINED")
            String status) {}

    public record DesignImpact(
            UUID id,
            UUID projectId,
            @Schema(examples = "riverside-surface-v3.ttm") String filename,
            String publishedBy,
            OffsetDateTime publishedAt,

            @Schema(description = "Its transfers to the grant's devices that are cancelled")
            long transfers) {}

    public record PersonImpact(
            @Schema(description = "Keycloak user id") String userId,

            @Schema(description = "The username, when a session of theirs on these devices kept it", examples = "jane")
            String name,

            @Schema(description = "assigned-device, opened-session, published-design")
            List<String> roles) {}

    public static ImpactResponse of(ImpactService.Impact i) {
        return new ImpactResponse(
                i.grantId(),
                i.ownerOrg(),
                i.granteeOrg(),
                i.projects().stream()
                        .map(p -> new ProjectImpact(
                                p.project().id,
                                p.project().name,
                                p.project().status.name(),
                                p.devices(),
                                p.sessions(),
                                p.designs(),
                                p.transfers()))
                        .toList(),
                i.moreProjects(),
                i.devices().stream()
                        .map(d -> new DeviceImpact(
                                d.assignment().deviceId,
                                d.device() == null ? null : d.device().displayName,
                                d.device() == null ? null : d.device().kind,
                                d.assignment().projectId,
                                d.assignment().assignedBy,
                                d.assignment().assignedAt))
                        .toList(),
                i.moreDevices(),
                i.sessions().stream()
                        .map(s -> new SessionImpact(
                                s.id, s.projectId, s.deviceId, s.openedBy, s.openedByName, s.openedAt, s.status()))
                        .toList(),
                i.moreSessions(),
                i.designs().stream()
                        .map(d -> new DesignImpact(
                                d.design().id,
                                d.design().projectId,
                                d.design().filename,
                                d.design().publishedBy,
                                d.design().publishedAt,
                                d.transfers()))
                        .toList(),
                i.moreDesigns(),
                i.transfers(),
                i.people().stream()
                        .map(p -> new PersonImpact(p.userId(), p.name(), p.roles()))
                        .toList(),
                i.morePeople(),
                i.kept());
    }
}
