package dev.hum.control;

import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/** Lets another thread end a wait early (an MCP client's cancellation); a wait polls nothing to see it. */
public final class Cancel {

    /*
     * `action` holds what ends the current wait (wakes its waiter, or closes its connection). cancel() sets the
     * flag before it takes the action; onCancel() sets the action before it reads the flag: whichever comes
     * second sees the other's write, so a cancel between the two is never lost.
     */

    /** A cancel that nobody triggers. */
    public static Cancel none() {
        return new Cancel();
    }

    private volatile boolean cancelled;
    private final AtomicReference<@Nullable Runnable> action = new AtomicReference<>();

    public boolean isCancelled() {
        return cancelled;
    }

    /** Ends the wait; from any thread, at most once effective. */
    public void cancel() {
        cancelled = true;
        Runnable a = action.getAndSet(null);
        if (a != null) {
            a.run();
        }
    }

    /** Runs {@code a} when cancelled, at once if already cancelled. */
    public void onCancel(Runnable a) {
        action.set(a);
        if (cancelled) {
            Runnable again = action.getAndSet(null);
            if (again != null) {
                again.run();
            }
        }
    }
}
