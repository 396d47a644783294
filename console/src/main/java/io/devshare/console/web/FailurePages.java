package io.devshare.console.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.devshare.console.client.ServiceProblem;
import io.devshare.console.text.Language;

/**
 * A page that could not be made is still a page: a service's refusal or an outage is said in a sentence, in the
 * frame of the console, with the status the person's browser should see.
 */
public class FailurePages {

    private static final Logger LOG = Logger.getLogger(FailurePages.class);

    @Inject
    Layouts layouts;

    @ServerExceptionMapper
    public Response serviceAnswer(WebApplicationException e) {
        if (e instanceof NotFoundException) {
            return page(
                    new ServiceProblem(404, Language.current().sentences().problemNoSuchPage(), java.util.Map.of()));
        }
        ServiceProblem p = ServiceProblem.of(e);
        if (p.status() >= 500) {
            LOG.warnf("a service failed: %s", e.toString());
        }
        return page(p);
    }

    @ServerExceptionMapper
    public Response outage(ProcessingException e) {
        LOG.warnf("a service does not answer: %s", e.toString());
        return page(ServiceProblem.of(e));
    }

    private Response page(ServiceProblem p) {
        int status = p.status() >= 500 ? 503 : p.status();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(layouts.problem(p).render())
                .build();
    }
}
