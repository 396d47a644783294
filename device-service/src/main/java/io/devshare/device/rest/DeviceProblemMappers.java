package io.devshare.device.rest;

import java.net.URI;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.devshare.common.problem.Problem;
import io.devshare.device.service.ProblemWithHeaders;

/** Problems that need response headers of their own: the Basic challenge of a 401, closing after a 413. */
public class DeviceProblemMappers {

    @ServerExceptionMapper
    public Response problemWithHeaders(ProblemWithHeaders e, UriInfo uri) {
        Problem problem = e.toProblem(uri == null ? null : URI.create(uri.getPath()));
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem.toBody());
        e.responseHeaders().forEach(response::header);
        return response.build();
    }
}
