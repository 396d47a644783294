package io.devshare.common.db;

import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.reactive.mutiny.Mutiny;

import io.smallrye.mutiny.Uni;

/**
 * Reads in a reactive session of its own, on a connection of its own, apart from the caller's session and
 * transaction (which {@code Panache.withSession} would join). For the answer to a unique violation: the caller's
 * transaction, aborted by PostgreSQL, reads nothing more — also when it is an enclosing one that has not ended yet
 * (the one an Idempotency-Key opens) — while the row that won the race has committed and is seen from here.
 */
@ApplicationScoped
public class SeparateSession {

    private final Mutiny.SessionFactory factory;

    @Inject
    public SeparateSession(Mutiny.SessionFactory factory) {
        this.factory = factory;
    }

    /** Runs {@code work} in a new session, closed when it ends; the session is not the caller's current one. */
    public <T> Uni<T> read(Function<Mutiny.Session, Uni<T>> work) {
        return factory.openSession()
                .chain(session ->
                        Uni.createFrom().deferred(() -> work.apply(session)).eventually(session::close));
    }
}
