package io.devshare.sharing.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.sharing.Grant;

@ApplicationScoped
public class GrantRepository implements PanacheRepositoryBase<Grant, UUID> {}
