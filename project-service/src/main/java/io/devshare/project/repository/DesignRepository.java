package io.devshare.project.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.project.Design;

@ApplicationScoped
public class DesignRepository implements PanacheRepositoryBase<Design, UUID> {}
