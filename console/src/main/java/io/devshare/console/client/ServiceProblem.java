package io.devshare.console.client;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.console.text.Language;
import io.devshare.console.text.Sentences;

/**
 * A service's refusal (RFC 9457 problem+json) as a person reads it: one sentence for the action, and one per field
 * the service named ({@code errors[].field}, e.g. {@code notifyEmails[2]}).
 */
public record ServiceProblem(int status, String message, Map<String, String> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether {@code failure} is a service's answer (4xx) that a person can act on, rather than an outage. */
    public static boolean isRefusal(Throwable failure) {
        return failure instanceof WebApplicationException e
                && e.getResponse().getStatus() >= 400
                && e.getResponse().getStatus() < 500;
    }

    /** A refusal the console makes itself, before calling a service (e.g. nothing chosen in a form). */
    public static final class Refused extends WebApplicationException {
        private final transient ServiceProblem problem;

        public Refused(String field, String message) {
            super(400);
            this.problem = new ServiceProblem(400, msg().problemFields(), Map.of(field, message));
        }
    }

    public static ServiceProblem of(Throwable failure) {
        if (failure instanceof Refused r) {
            return r.problem;
        }
        if (failure instanceof WebApplicationException e) {
            return of(e.getResponse());
        }
        if (failure instanceof ProcessingException) {
            return new ServiceProblem(503, msg().problemOutage(), Map.of());
        }
        return new ServiceProblem(500, msg().problemOurs(), Map.of());
    }

    static ServiceProblem of(Response response) {
        int status = response.getStatus();
        JsonNode body = null;
        try {
            if (response.hasEntity()) {
                body = JSON.readTree(response.readEntity(String.class));
            }
        } catch (Exception unreadable) {
            // a body that is no problem document: fall back on the status
        }
        Map<String, String> fields = new LinkedHashMap<>();
        String message = null;
        if (body != null && body.isObject()) {
            for (JsonNode error : body.path("errors")) {
                String field = error.path("field").asText("");
                String text = error.path("message").asText("");
                if (!field.isEmpty() && !text.isEmpty()) {
                    fields.merge(field, text, (a, b) -> a + "; " + b);
                }
            }
            message = text(body, "detail");
            if (message == null) {
                message = text(body, "title");
            }
        }
        if (message == null || (status == 400 && !fields.isEmpty() && message.equals(text(body, "title")))) {
            message = fallback(status, !fields.isEmpty());
        }
        if (Language.current().german()) {
            // The services write their refusals in English: a German page says the known ones in German, else the
            // console's own sentence for the status (the fields' messages stay the service's).
            String german = known(slug(text(body, "type")));
            message = german != null ? german : fallback(status, !fields.isEmpty());
        }
        return new ServiceProblem(status, sentence(message), Map.copyOf(fields));
    }

    /** The message for a form field, matching {@code notifyEmails} also for {@code notifyEmails[2]}. */
    public String field(String name) {
        String exact = fields.get(name);
        if (exact != null) {
            return exact;
        }
        return fields.entrySet().stream()
                .filter(e -> e.getKey().startsWith(name + "[") || e.getKey().startsWith(name + "."))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse(null);
    }

    private static String fallback(int status, boolean hasFields) {
        Sentences m = msg();
        return switch (status) {
            case 400, 422 -> hasFields ? m.problemFields() : m.problemNotAccepted();
            case 401 -> m.problemSession();
            case 403 -> m.problemAdminOnly();
            case 404 -> m.problemGone();
            case 409 -> m.problemConflict();
            case 429 -> m.problemTooMany();
            default -> m.problemOurs();
        };
    }

    /** The last part of a problem type URI, e.g. {@code not-partners}; null without one. */
    private static String slug(String type) {
        return type == null ? null : type.substring(type.lastIndexOf('/') + 1);
    }

    /** A refusal the services name by its type, in the page's language; null for one not known here. */
    static String known(String slug) {
        if (slug == null) {
            return null;
        }
        Sentences m = msg();
        return switch (slug) {
            case "already-partners" -> m.problemAlreadyPartners();
            case "already-shared" -> m.problemAlreadyShared();
            case "device-booked" -> m.problemDeviceBooked();
            case "grant-closed" -> m.problemGrantClosed();
            case "group-already-shared" -> m.problemGroupAlreadyShared();
            case "group-name-taken" -> m.problemGroupNameTaken();
            case "invitation-closed" -> m.problemInvitationClosed();
            case "invitation-expired" -> m.problemInvitationExpired();
            case "invitation-pending" -> m.problemInvitationPending();
            case "invitation-pending-from-partner" -> m.problemInvitationPendingFromPartner();
            case "licences-exhausted" -> m.problemLicencesExhausted();
            case "licences-in-use" -> m.problemLicencesInUse();
            case "no-devices" -> m.problemNoDevices();
            case "not-partners" -> m.problemNotPartners();
            case "own-sharing-code" -> m.problemOwnSharingCode();
            case "project-closed" -> m.problemProjectClosed();
            case "self-invitation" -> m.problemSelfInvitation();
            case "self-share" -> m.problemSelfShare();
            case "serial-number-taken" -> m.problemSerialNumberTaken();
            case "session-closed" -> m.problemSessionClosed();
            case "session-open" -> m.problemSessionOpen();
            default -> null;
        };
    }

    /** The console's own sentences in the page's language; a service's own detail is shown as the service wrote it. */
    private static Sentences msg() {
        return Language.current().sentences();
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body == null ? null : body.get(field);
        return n != null && n.isTextual() && !n.asText().isBlank() ? n.asText() : null;
    }

    private static String sentence(String s) {
        String t = s.strip();
        return t.endsWith(".") || t.endsWith("!") || t.endsWith("?") ? t : t + ".";
    }
}
