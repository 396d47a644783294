package io.devshare.sharing;

/** Why an organization may act on a device: it owns it, a grant lets it, or nothing does. */
public enum Basis {
    OWNER,
    GRANT,
    NONE
}
