package io.devshare.project.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.project.DeviceView;

@ApplicationScoped
public class DeviceViewRepository implements PanacheRepositoryBase<DeviceView, UUID> {}
