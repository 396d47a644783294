package io.devshare.common.db;

import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * For blocking code (a worker thread streaming a file, say) that needs reactive work done, such as a Panache
 * transaction, which must run on a Vert.x context.
 */
public final class ReactiveWork {

    private ReactiveWork() {}

    /**
     * Runs {@code work} on a Vert.x context and waits for its result; a failure is rethrown as is when unchecked,
     * else wrapped in an {@link IllegalStateException}.
     */
    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
