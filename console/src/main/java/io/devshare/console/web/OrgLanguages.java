package io.devshare.console.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.smallrye.mutiny.Uni;

import io.devshare.console.client.NotificationApi;

/**
 * Each organization's language, read from notification-service (the setting its mails follow) with the person's
 * own token, and kept for a short while ({@code quarkus.cache.caffeine."org-language"}) so a page costs no extra
 * call. A change made on this console's settings page applies at once; one made elsewhere within the cache's time.
 * When notification-service does not answer, pages are English and nothing is kept.
 */
@ApplicationScoped
public class OrgLanguages {

    private static final Logger LOG = Logger.getLogger(OrgLanguages.class);

    private final NotificationApi notifications;

    @Inject
    public OrgLanguages(@RestClient NotificationApi notifications) {
        this.notifications = notifications;
    }

    Uni<String> of(String org) {
        return cached(org).onFailure().recoverWithItem(failure -> {
            LOG.debugf("language of %s unknown (%s): English", org, failure.toString());
            return "en";
        });
    }

    @CacheResult(cacheName = "org-language")
    Uni<String> cached(@CacheKey String org) {
        return notifications.language().map(NotificationApi.Language::language);
    }

    /** The next page of this organization reads its language again. */
    @CacheInvalidate(cacheName = "org-language")
    Uni<Void> forget(@CacheKey String org) {
        return Uni.createFrom().voidItem();
    }
}
