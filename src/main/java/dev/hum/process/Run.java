package dev.hum.process;

import java.time.Duration;

/** One run of a process: the OS process, its group, its pipes and the pump threads reading its output. */
record Run(int number, Process process, long pgid, Thread stdoutPump, Thread stderrPump, ChildPipes pipes) {

    /**
     * Waits up to {@code limit} for both pumps to reach the end of their streams (every process of the tree
     * closed them) and says whether they did.
     */
    boolean awaitPumps(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread pump : new Thread[] {stdoutPump, stderrPump}) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            try {
                pump.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return !pipes.outputOpen();
    }

    /** True while the leader lives or any member of its group does. */
    boolean anythingAlive() {
        return process.isAlive() || ProcessTable.groupAlive(pgid);
    }
}
