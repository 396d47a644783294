package io.devshare.common.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.devshare.common.json.SafeText;

/**
 * Refuses a query or path parameter that holds unsafe text ({@link SafeText}, e.g. {@code ?tag=a%00b}) with a 400
 * naming the parameter, before any resource reads it — the same rule as for request bodies, in every service.
 */
public class UnsafeParameters {

    @ServerRequestFilter
    public Response refuseUnsafe(UriInfo uri) {
        Response refused = check(uri.getQueryParameters(true), uri);
        return refused != null ? refused : check(uri.getPathParameters(true), uri);
    }

    private static Response check(MultivaluedMap<String, String> params, UriInfo uri) {
        for (Map.Entry<String, List<String>> param : params.entrySet()) {
            String reason = SafeText.problem(param.getKey());
            for (String value : param.getValue()) {
                if (reason == null) {
                    reason = SafeText.problem(value);
                }
            }
            if (reason != null) {
                String field = SafeText.problem(param.getKey()) == null ? param.getKey() : "query";
                return ProblemMappers.toResponse(ProblemException.badRequest(field, reason), uri);
            }
        }
        return null;
    }
}
