package io.devshare.project.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.project.RemoteSession;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<RemoteSession, UUID> {}
