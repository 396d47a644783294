package io.devshare.partner;

/** An organization as Keycloak knows it: its id, short name (alias) and display name. */
public record Organization(String id, String alias, String name) {}
