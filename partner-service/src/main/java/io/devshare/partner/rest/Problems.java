package io.devshare.partner.rest;

/** Example problem bodies for the OpenAPI document. */
final class Problems {

    static final String NOT_FOUND = "{\"type\":\"https://devshare.io/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"No such invitation for your organization.\"}";
    static final String UNKNOWN_ALIAS = "{\"type\":\"https://devshare.io/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"No organization has the alias 'nope'.\",\"alias\":\"nope\"}";
    static final String INVALID = "{\"type\":\"https://devshare.io/problems/invalid-request\","
            + "\"title\":\"Invalid request\",\"status\":400,\"detail\":\"notifyEmails[1]: must be a well-formed email"
            + " address\",\"errors\":[{\"field\":\"notifyEmails[1]\",\"message\":\"must be a well-formed email"
            + " address\"}]}";
    static final String PENDING_FROM_PARTNER =
            "{\"type\":\"https://devshare.io/problems/invitation-pending-from-partner\","
                    + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"'rentco' has already invited your organization:"
                    + " accept that invitation instead.\",\"alias\":\"rentco\",\"invitationId\":"
                    + "\"5b0e8d3c-7f41-4f0a-8a55-1f6a9e3c2d11\",\"accept\":"
                    + "\"/partnerships/invitations/5b0e8d3c-7f41-4f0a-8a55-1f6a9e3c2d11/accept\"}";
    static final String CLOSED = "{\"type\":\"https://devshare.io/problems/invitation-closed\",\"title\":\"Conflict\","
            + "\"status\":409,\"detail\":\"The invitation is already declined.\",\"invitationStatus\":\"DECLINED\"}";
    static final String EXPIRED = "{\"type\":\"https://devshare.io/problems/invitation-expired\","
            + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"The invitation expired on 2026-12-08T08:00Z; ask for a"
            + " new one.\"}";
    static final String SELF = "{\"type\":\"https://devshare.io/problems/self-invitation\","
            + "\"title\":\"Unprocessable request\",\"status\":422,\"detail\":\"An organization cannot invite itself to"
            + " be its partner.\"}";
    static final String THROTTLED = "{\"type\":\"https://devshare.io/problems/too-many-attempts\","
            + "\"title\":\"Too many attempts\",\"status\":429,\"detail\":\"Too many wrong sharing codes; try again in"
            + " 840 s.\",\"retryAfter\":840}";
    static final String WRONG_CODE = "{\"type\":\"https://devshare.io/problems/not-found\",\"title\":\"Not found\","
            + "\"status\":404,\"detail\":\"No organization has this sharing code.\"}";
    static final String ALREADY_PARTNERS = "{\"type\":\"https://devshare.io/problems/already-partners\","
            + "\"title\":\"Conflict\",\"status\":409,\"detail\":\"Your organization and 'rentco' are already"
            + " partners.\",\"alias\":\"rentco\"}";

    private Problems() {}
}
