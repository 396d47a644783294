package io.devshare.notification.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

import io.devshare.notification.MailDelivery;

@ApplicationScoped
public class MailDeliveryRepository implements PanacheRepositoryBase<MailDelivery, UUID> {}
