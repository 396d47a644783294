package io.devshare.project.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.project.AccessView;

@ApplicationScoped
public class AccessRepository implements PanacheRepositoryBase<AccessView, AccessView.Key> {}
