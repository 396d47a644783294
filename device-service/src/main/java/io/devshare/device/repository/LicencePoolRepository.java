package io.devshare.device.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.device.LicencePool;

@ApplicationScoped
public class LicencePoolRepository implements PanacheRepositoryBase<LicencePool, String> {}
