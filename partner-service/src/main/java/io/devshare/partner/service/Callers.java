package io.devshare.partner.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;

import io.devshare.common.problem.ProblemException;
import io.devshare.partner.Organization;
import io.devshare.partner.client.OrganizationDirectory;

/** Resolves the caller's organization (alias from the token) to the organization Keycloak knows. */
@ApplicationScoped
public class Callers {

    private final OrganizationDirectory directory;

    @Inject
    public Callers(OrganizationDirectory directory) {
        this.directory = directory;
    }

    public Uni<Organization> resolve(String alias) {
        return directory
                .byAlias(alias)
                .map(found -> found.orElseThrow(
                        () -> ProblemException.forbidden("Your organization is not known to Devshare.")));
    }
}
