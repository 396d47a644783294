package io.devshare.common.problem;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import io.devshare.common.json.InvalidValueException;

/**
 * Turns every failure of a request into an RFC 9457 problem+json response. Bad input is a 4xx naming the
 * field; only a genuine server fault is a 500, and its detail never echoes internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return toResponse(e, uri);
    }

    /** The problem+json response for {@code e}, with the headers it calls for (also used by request filters). */
    static Response toResponse(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(instance(uri)));
        e.headers().forEach((name, value) -> response.getHeaders().add(name, value));
        return response;
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparseableJson(JsonParseException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        String field = fieldOf(e);
        if (field.isEmpty()) {
            return respond(new Problem(
                    Problems.type("malformed-request"),
                    "Malformed request",
                    400,
                    "The request body is not valid JSON.",
                    instance(uri),
                    List.of(new Problem.FieldError("body", "malformed JSON")),
                    Map.of()));
        }
        String message = messageOf(e);
        return respond(new Problem(
                Problems.type("malformed-request"),
                "Malformed request",
                400,
                "The request body has an invalid value at '" + field + "': " + message + ".",
                instance(uri),
                List.of(new Problem.FieldError(field, message)),
                Map.of()));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream()
                .map(fe -> fe.field() + ": " + fe.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        return respond(new Problem(
                Problems.type("invalid-request"), "Invalid request", 400, detail, instance(uri), errors, Map.of()));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return respond(simple(401, "unauthorized", "Unauthorized", "A valid bearer token is required.", uri));
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return respond(simple(401, "unauthorized", "Unauthorized", "A valid bearer token is required.", uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(simple(403, "forbidden", "Forbidden", "Your role does not allow this action.", uri));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        return respond(simple(404, "not-found", "Not found", "No such resource.", uri));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, UriInfo uri) {
        return respond(simple(405, "method-not-allowed", "Method not allowed", "Method not allowed here.", uri));
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e, UriInfo uri) {
        return respond(simple(415, "unsupported-media-type", "Unsupported media type", "Send application/json.", uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
            if (c instanceof JsonProcessingException json) {
                return malformedJson(json, uri);
            }
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
            return respond(simple(status, "server-error", "Server error", "The request could not be completed.", uri));
        }
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        return respond(simple(status, "http-" + status, reason, reason, uri));
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.error("request failed", e);
        return respond(simple(500, "server-error", "Server error", "The request could not be completed.", uri));
    }

    private static Problem simple(int status, String slug, String title, String detail, UriInfo uri) {
        return new Problem(Problems.type(slug), title, status, detail, instance(uri), List.of(), Map.of());
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem.toBody())
                .build();
    }

    /** The request path as sent (still percent-encoded), so any path a client can send makes a valid URI. */
    private static URI instance(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            return URI.create(uri.getPath(false));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The field a JSON failure concerns: the mapping path, else where the parser stood (a duplicate key). */
    static String fieldOf(JsonProcessingException e) {
        StreamReadException duplicate = duplicateKey(e);
        if (duplicate != null) {
            return path(duplicate.getProcessor().getParsingContext());
        }
        if (e instanceof JsonMappingException jme) {
            String p = path(jme);
            if (!p.isEmpty()) {
                return p;
            }
        }
        if (e instanceof StreamReadException read && read.getProcessor() != null) {
            return path(read.getProcessor().getParsingContext());
        }
        return "";
    }

    /** What is wrong with the field's value, for a person. */
    static String messageOf(JsonProcessingException e) {
        if (e instanceof InvalidValueException invalid) {
            return invalid.reason();
        }
        if (duplicateKey(e) != null) {
            return "is given more than once";
        }
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof InputCoercionException) {
                return "is out of range";
            }
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expected(mismatch.getTargetType());
        }
        return "invalid value";
    }

    /** The parser's failure on a key given twice (strict duplicate detection), wherever it was wrapped. */
    private static StreamReadException duplicateKey(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof StreamReadException read
                    && read.getProcessor() != null
                    && String.valueOf(read.getOriginalMessage()).startsWith("Duplicate field")) {
                return read;
            }
        }
        return null;
    }

    private static String expected(Class<?> type) {
        if (type == String.class || type == char.class || type == Character.class) {
            return "must be a string";
        }
        if (type == int.class
                || type == long.class
                || type == short.class
                || type == Integer.class
                || type == Long.class
                || type == Short.class
                || type == java.math.BigInteger.class) {
            return "must be an integer";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (type == java.util.UUID.class) {
            return "must be a UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "must be an ISO-8601 date and time, e.g. 2026-12-31T00:00:00Z";
        }
        if (type.isEnum()) {
            return "unknown value";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        return "invalid value";
    }

    private static String path(JsonStreamContext context) {
        java.util.ArrayDeque<String> parts = new java.util.ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inObject() && c.getCurrentName() != null) {
                parts.addFirst("." + c.getCurrentName());
            } else if (c.inArray()) {
                parts.addFirst("[" + Math.max(c.getCurrentIndex(), 0) + "]");
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    /** JSON path of a Jackson mapping failure, e.g. {@code notifyEmails[1]}. */
    static String path(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /**
     * The request field of a violation: Hibernate Validator paths look like {@code invite.request.notifyEmails[1].<list
     * element>}; the method and parameter names are dropped.
     */
    static String fieldOf(ConstraintViolation<?> v) {
        String path = v.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        StringBuilder sb = new StringBuilder();
        // parts[0] is the method, parts[1] the parameter; the rest is the field path inside the body.
        int start = parts.length > 2 ? 2 : parts.length - 1;
        for (int i = Math.max(start, 0); i < parts.length; i++) {
            String p = parts[i];
            if (p.startsWith("<")) {
                continue;
            }
            if (!sb.isEmpty() && !p.startsWith("[")) {
                sb.append('.');
            }
            sb.append(p);
        }
        return sb.isEmpty() ? path : sb.toString();
    }
}
