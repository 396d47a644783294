package io.devshare.common.jobs;

import java.util.function.IntFunction;

import org.jboss.logging.Logger;

import io.smallrye.mutiny.Uni;

/** For scheduled jobs that work through a backlog in batches. */
public final class Batches {

    private Batches() {}

    /**
     * Runs {@code batch.apply(size)} (which answers how many items it handled) again and again while it answers a
     * full batch; answers the total.
     */
    public static Uni<Integer> drain(int size, IntFunction<Uni<Integer>> batch) {
        return batch.apply(size)
                .chain(n ->
                        n < size ? Uni.createFrom().item(n) : drain(size, batch).map(more -> n + more));
    }

    /**
     * For the scheduler: a failure of {@code run} is logged as a warning ({@code "<what> failed, will retry: …"})
     * and swallowed, so the next scheduled run tries again.
     */
    public static Uni<Void> retryNextTime(Uni<?> run, Logger log, String what) {
        return run.onFailure()
                .invoke(e -> log.warnf("%s failed, will retry: %s", what, e.toString()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }
}
