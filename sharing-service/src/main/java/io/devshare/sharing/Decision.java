package io.devshare.sharing;

import java.util.UUID;

/**
 * The answer to an access check: allowed or not, and why (the owner, or which grant, through which group).
 * Given by the replica's copy and by the database alike, so it lives below both.
 */
public record Decision(boolean allowed, Basis basis, UUID grantId, UUID viaGroupId, String role) {}
