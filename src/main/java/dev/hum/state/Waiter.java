package dev.hum.state;

import java.lang.invoke.VarHandle;
import java.util.concurrent.locks.LockSupport;

/** One thread waiting for a change of some cells or logs ({@link Waiters}); woken by their writers, never polled. */
public final class Waiter implements Wakeable {

    /*
     * Written by any writer (a pump, a control thread, an exit callback, a canceller) through wake(): a
     * volatile store of `woken` and an unpark, neither of which blocks or allocates. Read by the owner thread
     * only. The owner clears `woken` in prepare(), then reads the data it waits on, then parks until `woken`
     * is set: a writer that publishes after that read finds this waiter in its Waiters (added before the
     * first prepare) and sets `woken` after the clear, so no change is lost. The fullFence in prepare keeps
     * the clear before the owner's reads of the data (a store, then loads: the one reordering hardware does).
     */

    private final Thread owner = Thread.currentThread();
    private volatile boolean woken;

    /** A waiter for the calling thread, which alone may {@link #prepare} and {@link #await}. */
    public Waiter() {}

    /** Call before reading what is waited on; a change after this point ends the next {@link #await} at once. */
    public void prepare() {
        woken = false;
        VarHandle.fullFence();
    }

    /**
     * Parks until woken or {@code nanos} have passed (or spuriously: the caller reads its data again either
     * way). Owner thread only.
     */
    public void await(long nanos) {
        long deadline = System.nanoTime() + nanos;
        for (long left = nanos; !woken && left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(this, left);
        }
    }

    /** Ends the owner's wait: from any thread, without blocking or allocating. */
    @Override
    public void wake() {
        woken = true;
        LockSupport.unpark(owner);
    }
}
