package io.devshare.sharing.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.sharing.GrantHistory;

@ApplicationScoped
public class GrantHistoryRepository implements PanacheRepositoryBase<GrantHistory, Long> {}
