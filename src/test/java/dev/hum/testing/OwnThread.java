package dev.hum.testing;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Runs a blocking task on a daemon thread of its own. A test that parks in a wait must not use the common
 * ForkJoinPool: on two cores it has one thread, and a wait another test left parked there (until its own
 * timeout) would keep this task from ever starting.
 */
public final class OwnThread {

    private OwnThread() {}

    public static <T> CompletableFuture<T> supply(Supplier<T> task) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                result.complete(task.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        t.setDaemon(true);
        t.start();
        return result;
    }
}
