package dev.hum.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.log.LogBuffer;
import dev.hum.testing.OwnThread;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A waiter sleeps with no timer of its own (ten minutes here) and is woken by the writers' own publication: a
 * test that hangs until its @Timeout means a change did not wake it.
 */
final class WaitersTest {

    private static final long FOREVER = TimeUnit.MINUTES.toNanos(10);

    @Test
    @Timeout(60)
    void stateCellUpdate_wakesAWaiterOfThatCell() throws Exception {
        StateCell cell = StateCell.detached(ProcessState.initial(0, "web"));
        CompletableFuture<Status> seen = OwnThread.supply(() -> {
            Waiter w = new Waiter();
            cell.waiters().add(w);
            try {
                for (; ; ) {
                    w.prepare();
                    ProcessState s = cell.get();
                    if (s.status() == Status.STARTING) {
                        return s.status();
                    }
                    w.await(FOREVER);
                }
            } finally {
                cell.waiters().remove(w);
            }
        });
        while (cell.waiters().isEmpty()) {
            Thread.onSpinWait(); // the waiter has not registered yet
        }
        cell.update(s -> s.start(Instant.now()));
        assertEquals(Status.STARTING, seen.get());
        assertTrue(cell.waiters().isEmpty(), "a waiter removes itself");
    }

    @Test
    @Timeout(60)
    void logAppend_wakesAWaiterForEveryBatch() throws Exception {
        LogBuffer log = new LogBuffer(1000, LogBuffer.MIN_BYTES, new AtomicLong());
        CompletableFuture<Long> seen = OwnThread.supply(() -> {
            Waiter w = new Waiter();
            log.waiters().add(w);
            try {
                for (; ; ) {
                    w.prepare();
                    if (log.nextSeq() >= 3) {
                        return log.nextSeq();
                    }
                    w.await(FOREVER);
                }
            } finally {
                log.waiters().remove(w);
            }
        });
        while (log.waiters().isEmpty()) {
            Thread.onSpinWait();
        }
        for (int i = 0; i < 3; i++) {
            log.appendNotice("line " + i);
        }
        assertEquals(3L, seen.get());
    }

    @Test
    void wake_beforeAwaitEndsTheAwaitAtOnce() {
        // the lost-wakeup case: a writer publishes between the waiter's read and its park
        Waiter w = new Waiter();
        w.prepare();
        w.wake();
        w.await(FOREVER); // returns: woken is already set
        w.prepare();
        w.await(TimeUnit.MILLISECONDS.toNanos(1)); // cleared by prepare: only the bound ends this one
    }

    @Test
    void remove_leavesTheOthersAndEmptiesTheSet() {
        Waiters waiters = new Waiters();
        Waiter a = new Waiter();
        Waiter b = new Waiter();
        waiters.add(a);
        waiters.add(b);
        waiters.remove(a);
        assertFalse(waiters.isEmpty());
        waiters.remove(b);
        assertTrue(waiters.isEmpty());
        waiters.wakeAll(); // nobody: nothing to do
    }
}
