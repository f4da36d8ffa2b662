package dev.hum.process;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Stops a whole process tree: the stop signal to the group and to every member that escaped it, a
 * grace period, SIGKILL to whatever is left, then a sweep until nothing of the tree is alive.
 */
final class TreeStopper {

    /** After SIGKILL a process dies as soon as the kernel schedules it; this only bounds a stuck D state. */
    private static final Duration KILL_WAIT = Duration.ofSeconds(3);

    private static final long RESCAN_NANOS = Duration.ofMillis(200).toNanos();

    /** How a stop went, for the process's log. */
    record Outcome(boolean killed, int leftovers) {}

    private final long leader;
    private final long pgid;
    private final SessionMark mark;
    private final String name;
    private final Set<ProcEntry> known = new LinkedHashSet<>();

    /**
     * Stops the tree of {@code leader}, plus every process that carries {@code mark} for {@code name}
     * (descendants that left the tree: double-forked daemons, re-parented orphans).
     */
    TreeStopper(long leader, long pgid, SessionMark mark, String name) {
        this.leader = leader;
        this.pgid = pgid;
        this.mark = mark;
        this.name = name;
    }

    /**
     * Sends {@code signal}, waits up to {@code grace} for the tree to go, escalates to SIGKILL, and
     * returns once the tree is gone or the kill wait ran out ({@code leftovers} then counts the
     * processes that would not die).
     */
    Outcome stop(int signal, Duration grace) {
        rescan();
        signalTree(signal);
        if (signal != Posix.SIGKILL && waitForTree(grace, signal)) {
            return new Outcome(false, 0);
        }
        rescan();
        signalTree(Posix.SIGKILL);
        boolean gone = waitForTree(KILL_WAIT, Posix.SIGKILL);
        return new Outcome(signal != Posix.SIGKILL, gone ? 0 : countAlive());
    }

    /** True when no member of the group and no escaped descendant seen so far is alive. */
    boolean treeGone() {
        return countAlive() == 0 && !ProcessTable.groupAlive(pgid);
    }

    private int countAlive() {
        int alive = 0;
        for (ProcEntry e : known) {
            if (e.stillAlive()) {
                alive++;
            }
        }
        return alive;
    }

    /**
     * Polls until the tree is gone or the time is up. New processes forked meanwhile (a shell
     * spawning its trap handler, a supervisor restarting a worker) are picked up by a periodic
     * rescan and get the same signal.
     */
    private boolean waitForTree(Duration limit, int signal) {
        long deadline = System.nanoTime() + limit.toNanos();
        long nextRescan = System.nanoTime() + RESCAN_NANOS;
        long pause = 2;
        while (true) {
            if (treeGone()) {
                return true;
            }
            long now = System.nanoTime();
            if (now - deadline >= 0) {
                return false;
            }
            if (now - nextRescan >= 0) {
                if (rescan()) {
                    signalTree(signal);
                }
                nextRescan = now + RESCAN_NANOS;
            }
            sleep(pause);
            pause = Math.min(pause * 2, 25);
        }
    }

    /** Adds the tree's current members to {@link #known}; true when someone new turned up. */
    private boolean rescan() {
        ProcessTable table = ProcessTable.snapshot();
        boolean grew = known.addAll(table.treeOf(leader, pgid));
        for (ProcEntry e : table.marked(mark, name)) {
            grew |= known.addAll(table.treeOf(e.pid(), e.pgid() == pgid ? pgid : 0));
        }
        return grew;
    }

    private void signalTree(int signal) {
        Posix.signalGroup(pgid, signal);
        long own = Posix.ownProcessGroup();
        for (ProcEntry e : known) {
            if (e.pgid() == pgid || !e.stillAlive()) {
                continue; // reached through the group already, or gone
            }
            if (e.pgid() == e.pid() && e.pgid() != own) {
                Posix.signalGroup(e.pgid(), signal); // it made its own group: take all of it
            } else {
                Posix.signalProcess(e.pid(), signal);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
