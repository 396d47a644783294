package io.devshare.project.repository;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

import io.devshare.project.Transfer;

@ApplicationScoped
public class TransferRepository implements PanacheRepositoryBase<Transfer, UUID> {

    private static final List<Transfer.Status> OPEN = List.of(Transfer.Status.PENDING, Transfer.Status.DELIVERED);

    private static final String OPEN_TO = " from Transfer t where t.org = :org and t.projectId in :projects"
            + " and t.deviceId in :devices and t.status in :open";

    /** Open transfers counted by what they belong to: {@code key} is a project or a design id. */
    public record OpenCount(UUID key, long designs, long transfers, OffsetDateTime latest) {}

    /**
     * Per project, the designs and transfers still on their way (PENDING or DELIVERED) from {@code org}'s
     * {@code projects} to {@code devices}. Non-empty collections only.
     */
    public Uni<List<OpenCount>> openPerProject(String org, Collection<UUID> projects, Collection<UUID> devices) {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select t.projectId, count(distinct t.designId), count(t), max(t.createdAt)" + OPEN_TO
                                        + " group by t.projectId",
                                Object[].class)
                        .setParameter("org", org)
                        .setParameter("projects", projects)
                        .setParameter("devices", devices)
                        .setParameter("open", OPEN)
                        .getResultList())
                .map(rows -> rows.stream().map(TransferRepository::count).toList());
    }

    /** As {@link #openPerProject}, per design, the latest first, at most {@code max}. */
    public Uni<List<OpenCount>> openPerDesign(
            String org, Collection<UUID> projects, Collection<UUID> devices, int max) {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select t.designId, 1L, count(t), max(t.createdAt)" + OPEN_TO
                                        + " group by t.designId order by max(t.createdAt) desc, t.designId",
                                Object[].class)
                        .setParameter("org", org)
                        .setParameter("projects", projects)
                        .setParameter("devices", devices)
                        .setParameter("open", OPEN)
                        .setMaxResults(max)
                        .getResultList())
                .map(rows -> rows.stream().map(TransferRepository::count).toList());
    }

    /** Who published the designs still on their way, as in {@link #openPerProject}. */
    public Uni<List<String>> openPublishers(String org, Collection<UUID> projects, Collection<UUID> devices) {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select distinct d.publishedBy from Design d where d.id in (select t.designId" + OPEN_TO
                                        + ") order by d.publishedBy",
                                String.class)
                        .setParameter("org", org)
                        .setParameter("projects", projects)
                        .setParameter("devices", devices)
                        .setParameter("open", OPEN)
                        .getResultList());
    }

    private static OpenCount count(Object[] row) {
        return new OpenCount(
                (UUID) row[0], ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), (OffsetDateTime) row[3]);
    }
}
