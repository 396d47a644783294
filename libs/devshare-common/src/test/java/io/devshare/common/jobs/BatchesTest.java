package io.devshare.common.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.Uni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BatchesTest {

    /** A backlog that hands out at most {@code size} items per batch, recording each batch's answer. */
    static final class Backlog {
        final AtomicInteger left;
        final List<Integer> answers = new ArrayList<>();

        Backlog(int items) {
            left = new AtomicInteger(items);
        }

        Uni<Integer> batch(int size) {
            int n = Math.min(size, left.get());
            left.addAndGet(-n);
            answers.add(n);
            return Uni.createFrom().item(n);
        }
    }

    @Test
    void repeatsWhileBatchesAreFull() {
        Backlog backlog = new Backlog(450);

        assertThat(Batches.drain(200, backlog::batch).await().indefinitely()).isEqualTo(450);
        assertThat(backlog.answers).containsExactly(200, 200, 50);
    }

    @Test
    void aFullLastBatchIsFollowedByAnEmptyOne() {
        Backlog backlog = new Backlog(400);

        assertThat(Batches.drain(200, backlog::batch).await().indefinitely()).isEqualTo(400);
        assertThat(backlog.answers).containsExactly(200, 200, 0);
    }

    @Test
    void nothingToDoIsOneBatch() {
        Backlog backlog = new Backlog(0);

        assertThat(Batches.drain(200, backlog::batch).await().indefinitely()).isZero();
        assertThat(backlog.answers).containsExactly(0);
    }

    @Test
    void aFailingBatchFailsTheDrain() {
        AtomicInteger calls = new AtomicInteger();
        Uni<Integer> drain = Batches.drain(
                2,
                size -> calls.incrementAndGet() == 1
                        ? Uni.createFrom().item(2)
                        : Uni.createFrom().failure(new IllegalStateException("db down")));

        assertThatThrownBy(() -> drain.await().indefinitely()).hasMessage("db down");
        assertThat(calls).hasValue(2);
    }

    @Test
    void aScheduledRunSwallowsItsFailure() {
        Logger log = Logger.getLogger(BatchesTest.class);
        AtomicInteger subscribed = new AtomicInteger();

        Uni<Void> failing =
                Batches.retryNextTime(Uni.createFrom().failure(new IllegalStateException("db down")), log, "test job");
        Uni<Void> working =
                Batches.retryNextTime(Uni.createFrom().item(7).invoke(subscribed::incrementAndGet), log, "test job");

        assertThat(failing.await().indefinitely()).isNull();
        assertThat(working.await().indefinitely()).isNull();
        assertThat(subscribed).hasValue(1);
    }
}
