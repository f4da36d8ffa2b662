package dev.hum.process;

import java.time.Duration;

/** One run of a process: the OS process, its group, and the pump threads reading its output. */
record Run(int number, Process process, long pgid, Thread stdoutPump, Thread stderrPump) {

    /** Waits up to {@code limit} for both pumps to reach the end of their streams. */
    void awaitPumps(Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        for (Thread pump : new Thread[] {stdoutPump, stderrPump}) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            try {
                pump.join(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** True while the leader lives or any member of its group does. */
    boolean anythingAlive() {
        return process.isAlive() || ProcessTable.groupAlive(pgid);
    }
}
