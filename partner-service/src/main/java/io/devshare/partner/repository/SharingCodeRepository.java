package io.devshare.partner.repository;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.partner.SharingCode;

@ApplicationScoped
public class SharingCodeRepository implements PanacheRepositoryBase<SharingCode, String> {}
