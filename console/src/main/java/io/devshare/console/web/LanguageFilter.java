package io.devshare.console.web;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.qute.EngineBuilder;
import io.smallrye.mutiny.Uni;

import io.devshare.console.text.Language;

/**
 * Chooses each request's language before its page is made, and makes every template speak it: the organization's
 * setting when the person has one (cached, see {@link OrgLanguages}), else the browser's choice.
 */
public class LanguageFilter {

    private final Who who;
    private final OrgLanguages languages;

    @Inject
    public LanguageFilter(Who who, OrgLanguages languages) {
        this.who = who;
        this.languages = languages;
    }

    @ServerRequestFilter
    public Uni<Void> choose(ContainerRequestContext request) {
        String org = who.org();
        if (org == null) {
            Language.firstOf(request.getAcceptableLanguages()).use();
            return Uni.createFrom().voidItem();
        }
        return languages.of(org).invoke(tag -> Language.of(tag).use()).replaceWithVoid();
    }

    /** Every template instance made during a request renders in that request's language. */
    static void speak(@Observes EngineBuilder engine) {
        engine.addTemplateInstanceInitializer(
                instance -> instance.setLocale(Language.current().locale()));
    }
}
