package io.devshare.console.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import io.devshare.console.client.ServiceProblem;

/** What every page's frame shows: the person, their organization, where they are, and a notice. */
@RequestScoped
public class Layouts {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance problem(Layout layout, ServiceProblem problem);
    }

    private final Who who;

    @Inject
    public Layouts(Who who) {
        this.who = who;
    }

    Layout of(String section, String notice) {
        return new Layout(who.name(), who.org(), section, notice);
    }

    String org() {
        return who.org();
    }

    TemplateInstance problem(ServiceProblem problem) {
        return Templates.problem(of(null, null), problem);
    }
}
