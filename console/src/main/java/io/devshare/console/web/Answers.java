package io.devshare.console.web;

import java.net.URI;
import java.util.function.Function;

import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;

import io.devshare.console.client.ServiceProblem;

/**
 * How every form is answered: redirect-after-POST to the page that shows the result, or — when a service refuses —
 * the same page again, with what the person typed and the refusal, under the service's status.
 */
final class Answers {

    private Answers() {}

    /** {@code action}; then 303 to {@code then}, or {@code again} made for the service's refusal. */
    static <T> Uni<RestResponse<Object>> redirectOr(
            Uni<T> action, String then, Function<ServiceProblem, Uni<TemplateInstance>> again) {
        return redirectOr(action, done -> then, again);
    }

    /** As above, with the page to go to taken from the action's result (e.g. the id it created). */
    static <T> Uni<RestResponse<Object>> redirectOr(
            Uni<T> action, Function<T, String> then, Function<ServiceProblem, Uni<TemplateInstance>> again) {
        return action.map(done -> seeOther(then.apply(done)))
                .onFailure(ServiceProblem::isRefusal)
                .recoverWithUni(f -> {
                    ServiceProblem p = ServiceProblem.of(f);
                    return again.apply(p).map(page -> page(p.status(), page));
                });
    }

    /** A refusal the console makes itself, before calling a service, shown like a service's. */
    static <T> Uni<T> refused(String field, String message) {
        return Uni.createFrom().failure(new ServiceProblem.Refused(field, message));
    }

    static RestResponse<Object> seeOther(String path) {
        return RestResponse.seeOther(URI.create(path));
    }

    static RestResponse<Object> page(int status, TemplateInstance page) {
        return RestResponse.ResponseBuilder.create(status)
                .entity((Object) page)
                .type(MediaType.TEXT_HTML_TYPE)
                .build();
    }
}
