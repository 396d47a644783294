package io.devshare.notification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonArray;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.devshare.common.db.DbClock;
import io.devshare.common.problem.Problem;
import io.devshare.common.problem.ProblemException;
import io.devshare.notification.MailKind;

/**
 * Each organization's notification settings: its contacts (addresses set by its admins, which count as the
 * organization's own) and the mail kinds each wants, and the language of its mails. Stored as one row per
 * organization, replaced as a whole.
 */
@ApplicationScoped
public class NotificationSettingsService {

    public static final int MAX_CONTACTS = 50;
    /**
     * Languages every mail is worded in: English (the bundle's defaults) and each
     * {@code messages/mail_<tag>.properties}; a new language adds its message bundle file and its tag here.
     */
    public static final List<String> LANGUAGES = List.of("en", "de");

    private static final TypeReference<List<Contact>> CONTACTS = new TypeReference<>() {};

    /** One address and the kinds of mail it wants (also the stored JSON's shape). */
    public record Contact(String email, List<String> kinds) {}

    /** What a PUT changes: the language, the contacts, or both; null keeps the stored value. */
    public record Change(String language, List<Contact> contacts) {}

    /** An organization's settings as stored, with every kind a contact can ask for. */
    public record Saved(
            String org,
            String language,
            List<Contact> contacts,
            List<String> availableKinds,
            OffsetDateTime updatedAt) {}

    /** What recipients are chosen from: an organization's contacts and language. */
    public record Settings(String language, List<Contact> contacts) {

        static final Settings NONE = new Settings("en", List.of());

        /** The contacts that want this kind of mail, in the order the admins listed them. */
        public Set<String> wanting(MailKind kind) {
            Set<String> out = new LinkedHashSet<>();
            for (Contact c : contacts) {
                if (c.kinds() != null && c.kinds().contains(kind.key()) && Addresses.valid(c.email())) {
                    out.add(Addresses.normalize(c.email()));
                }
            }
            return out;
        }

        public Locale locale() {
            return Locale.forLanguageTag(language);
        }
    }

    private final Pool pool;
    private final ObjectMapper mapper;

    @Inject
    public NotificationSettingsService(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<Saved> get(String orgAlias) {
        return pool.preparedQuery("SELECT language, contacts::text AS contacts, updated_at FROM notification_settings"
                        + " WHERE org_alias = $1")
                .execute(Tuple.of(orgAlias))
                .map(rows -> response(orgAlias, rows));
    }

    /**
     * Validates the whole request (every bad field named, nothing stored on error), then replaces what it names: the
     * language, the contacts, or both; a field left out (or null) keeps its stored value (never set: English, no
     * contacts). A request that names neither is refused.
     */
    public Uni<Saved> put(String orgAlias, String userId, Change request) {
        Change clean = validate(request);
        JsonArray contacts = null;
        if (clean.contacts() != null) {
            try {
                contacts = new JsonArray(mapper.writeValueAsString(clean.contacts()));
            } catch (JsonProcessingException e) {
                return Uni.createFrom().failure(e);
            }
        }
        OffsetDateTime now = DbClock.now();
        return pool.preparedQuery("INSERT INTO notification_settings (org_alias, language, contacts, updated_at,"
                        + " updated_by) VALUES ($1, COALESCE($2, 'en'), COALESCE($3::jsonb, '[]'::jsonb), $4, $5)"
                        + " ON CONFLICT (org_alias) DO UPDATE SET"
                        + " language = COALESCE($2, notification_settings.language),"
                        + " contacts = COALESCE($3::jsonb, notification_settings.contacts),"
                        + " updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by"
                        + " RETURNING language, contacts::text AS contacts, updated_at")
                .execute(Tuple.of(orgAlias, clean.language(), contacts, now, userId))
                .map(rows -> response(orgAlias, rows));
    }

    /** An organization's settings for choosing recipients; none (the admins get everything) when never set. */
    public Uni<Settings> of(String orgAlias) {
        if (orgAlias == null || orgAlias.isBlank()) {
            return Uni.createFrom().item(Settings.NONE);
        }
        return pool.preparedQuery(
                        "SELECT language, contacts::text AS contacts FROM notification_settings WHERE org_alias = $1")
                .execute(Tuple.of(orgAlias))
                .map(rows -> {
                    if (!rows.iterator().hasNext()) {
                        return Settings.NONE;
                    }
                    Row r = rows.iterator().next();
                    return new Settings(r.getString("language"), contacts(r.getString("contacts")));
                });
    }

    static Change validate(Change request) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (request == null) {
            throw ProblemException.badRequest("body", "required");
        }
        if (request.language() == null && request.contacts() == null) {
            throw ProblemException.badRequest(
                    "contacts", "name contacts, language or both: a PUT replaces only what it names");
        }
        String language =
                request.language() == null ? null : request.language().strip().toLowerCase(Locale.ROOT);
        if (language != null && !LANGUAGES.contains(language)) {
            errors.add(new Problem.FieldError("language", "unsupported; supported: " + String.join(", ", LANGUAGES)));
        }
        List<Contact> contacts = request.contacts() == null ? List.of() : request.contacts();
        if (contacts.size() > MAX_CONTACTS) {
            errors.add(new Problem.FieldError("contacts", "at most " + MAX_CONTACTS + " contacts"));
        }
        List<Contact> clean = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < contacts.size() && i < MAX_CONTACTS; i++) {
            Contact c = contacts.get(i);
            String field = "contacts[" + i + "]";
            if (c == null) {
                errors.add(new Problem.FieldError(field, "required"));
                continue;
            }
            String email = c.email() == null ? null : c.email().strip();
            OptionalInt invisible = c.email() == null ? OptionalInt.empty() : Addresses.invisible(c.email());
            if (email == null || email.isEmpty()) {
                errors.add(new Problem.FieldError(field + ".email", "required"));
            } else if (invisible.isPresent()) {
                errors.add(new Problem.FieldError(
                        field + ".email",
                        "not a plain email address: holds " + Addresses.codePoint(invisible.getAsInt())
                                + " (a control, format, separator or non-ASCII space character)"));
                email = null;
            } else if (!Addresses.valid(email)) {
                errors.add(new Problem.FieldError(field + ".email", "not a plain email address"));
            } else if (!seen.add(Addresses.normalize(email))) {
                errors.add(new Problem.FieldError(field + ".email", "listed twice"));
            }
            List<String> kinds = c.kinds() == null ? List.of() : c.kinds();
            if (kinds.isEmpty()) {
                errors.add(new Problem.FieldError(field + ".kinds", "name at least one kind"));
            }
            Set<String> cleanKinds = new LinkedHashSet<>();
            for (int k = 0; k < kinds.size(); k++) {
                String kind = kinds.get(k);
                if (kind == null || MailKind.of(kind.strip()).isEmpty()) {
                    errors.add(new Problem.FieldError(
                            field + ".kinds[" + k + "]", "unknown kind; one of " + String.join(", ", MailKind.keys())));
                } else {
                    cleanKinds.add(kind.strip());
                }
            }
            if (email != null && Addresses.valid(email)) {
                clean.add(new Contact(Addresses.normalize(email), List.copyOf(cleanKinds)));
            }
        }
        if (!errors.isEmpty()) {
            String detail = errors.stream()
                    .map(e -> e.field() + ": " + e.message())
                    .reduce((a, b) -> a + "; " + b)
                    .orElse("invalid request");
            throw new ProblemException(400, "invalid-request", "Invalid request", detail, errors, Map.of());
        }
        return new Change(language, request.contacts() == null ? null : List.copyOf(clean));
    }

    private Saved response(String orgAlias, RowSet<Row> rows) {
        if (!rows.iterator().hasNext()) {
            return new Saved(orgAlias, "en", List.of(), MailKind.keys(), null);
        }
        Row r = rows.iterator().next();
        return new Saved(
                orgAlias,
                r.getString("language"),
                contacts(r.getString("contacts")),
                MailKind.keys(),
                r.getOffsetDateTime("updated_at"));
    }

    private List<Contact> contacts(String json) {
        try {
            return json == null ? List.of() : mapper.readValue(json, CONTACTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored contacts unreadable", e);
        }
    }
}
