package dev.hum.state;

import java.util.Arrays;

/**
 * Who waits on one cell or one log (parked threads, readiness probes): its writer wakes them after each change it
 * publishes. With no
 * waiter, a writer's cost is one volatile load of an empty array.
 */
public final class Waiters {

    /*
     * `waiting` is a copy-on-write array: waiters add and remove themselves under this object's monitor
     * (rare: once per wait), writers read it with one volatile load and never lock, so a waiter never slows a
     * pump. A writer must order its publication before that load (a full fence; a CAS is one): then either it
     * sees a waiter that was added before the waiter read the data, and wakes it, or the waiter, fenced in
     * Waiter.prepare, reads the published data itself.
     */

    private static final Wakeable[] NONE = {};

    private volatile Wakeable[] waiting = NONE;

    /** Wakes every waiter; call after publishing a change, behind a full fence. Any writer thread. */
    public void wakeAll() {
        Wakeable[] w = waiting;
        for (int i = 0; i < w.length; i++) {
            w[i].wake();
        }
    }

    /** Whether anyone waits here (for tests and diagnostics). */
    public boolean isEmpty() {
        return waiting.length == 0;
    }

    /** Adds {@code w}; it is woken by every change published from now on. */
    public synchronized void add(Wakeable w) {
        Wakeable[] old = waiting;
        Wakeable[] next = Arrays.copyOf(old, old.length + 1);
        next[old.length] = w;
        waiting = next;
    }

    /** Removes {@code w}, if it is here. */
    public synchronized void remove(Wakeable w) {
        Wakeable[] old = waiting;
        for (int i = 0; i < old.length; i++) {
            if (old[i] == w) {
                Wakeable[] next = new Wakeable[old.length - 1];
                System.arraycopy(old, 0, next, 0, i);
                System.arraycopy(old, i + 1, next, i, old.length - i - 1);
                waiting = next.length == 0 ? NONE : next;
                return;
            }
        }
    }
}
