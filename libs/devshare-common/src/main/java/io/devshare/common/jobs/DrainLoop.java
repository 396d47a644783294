package io.devshare.common.jobs;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Works off a backlog whenever it is woken (by a notification, a sweep, a caller): at most one drain runs at a time,
 * a wake during a drain causes one more, and a full batch is followed by the next at once. A failed batch ends the
 * drain (the next wake tries again) and is handed to {@code onFailure}.
 */
public final class DrainLoop {

    private final int batchSize;
    private final Supplier<Uni<Integer>> batch;
    private final Consumer<Throwable> onFailure;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile boolean stopped;

    /**
     * {@code batch} works off at most {@code batchSize} items and answers how many it handled; {@code onFailure}
     * hears of a failed batch (to log and count it).
     */
    public DrainLoop(int batchSize, Supplier<Uni<Integer>> batch, Consumer<Throwable> onFailure) {
        this.batchSize = batchSize;
        this.batch = batch;
        this.onFailure = onFailure;
    }

    /** Asks for a drain; at most one drain runs at a time, and a wake during a drain causes one more. */
    public void wake() {
        if (stopped) {
            return;
        }
        again.set(true);
        if (running.compareAndSet(false, true)) {
            drain();
        }
    }

    /** From now on a wake does nothing (at shutdown); a batch under way finishes. */
    public void stop() {
        stopped = true;
    }

    private void drain() {
        again.set(false);
        batch.get()
                .subscribe()
                .with(
                        count -> {
                            if (count >= batchSize || again.get()) {
                                drain();
                            } else {
                                running.set(false);
                                if (again.get() && running.compareAndSet(false, true)) {
                                    drain();
                                }
                            }
                        },
                        failure -> {
                            onFailure.accept(failure);
                            running.set(false);
                        });
    }
}
