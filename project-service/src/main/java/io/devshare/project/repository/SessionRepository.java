package io.devshare.project.repository;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

import io.devshare.project.RemoteSession;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<RemoteSession, UUID> {

    /**
     * The usernames kept with the sessions {@code org}'s {@code users} opened on {@code devices}: the only names of
     * people project-service records (by Keycloak id). Non-empty collections only.
     */
    public Uni<Map<String, String>> openerNames(String org, Collection<UUID> devices, Collection<String> users) {
        return Panache.getSession()
                .chain(s -> s.createSelectionQuery(
                                "select s.openedBy, max(s.openedByName) from RemoteSession s where s.org = :org"
                                        + " and s.deviceId in :devices and s.openedBy in :users"
                                        + " and s.openedByName is not null group by s.openedBy",
                                Object[].class)
                        .setParameter("org", org)
                        .setParameter("devices", devices)
                        .setParameter("users", users)
                        .getResultList())
                .map(rows -> rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1])));
    }

    /** Sessions of {@code org} still open on {@code devices}, the newest first. */
    public Uni<List<RemoteSession>> openOn(String org, Collection<UUID> devices) {
        return find("org = ?1 and deviceId in ?2 and closedAt is null", Sort.descending("openedAt", "id"), org, devices)
                .list();
    }
}
