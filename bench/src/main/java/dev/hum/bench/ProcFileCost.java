package dev.hum.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one read of a process's memory costs, by file: {@code /proc/PID/stat} (the sampler reads it anyway, for the
 * CPU time and the tree; its rss field is resident pages), {@code statm} (the same pages, a separate read) and
 * {@code smaps_rollup} (proportional and swapped memory too, but the kernel walks every mapping of the process to
 * sum it). Measured on a {@code sleep} (a handful of mappings), a Python interpreter, and this JVM (hundreds of
 * mappings, as node or another JVM in a dev session has). Not JMH: each read is a system call whose cost is the
 * kernel's; the loop takes the mean over a second of reads after a warm-up.
 *
 * <p>Run (from the repository root): {@code java bench/src/main/java/dev/hum/bench/ProcFileCost.java}
 */
public final class ProcFileCost {

    private static final String[] FILES = {"stat", "statm", "smaps_rollup"};
    private ProcFileCost() {}

    public static void main(String[] args) throws Exception {
        List<Process> children = new ArrayList<>();
        children.add(new ProcessBuilder("sleep", "600").start());
        children.add(new ProcessBuilder("python3", "-c", "import time; time.sleep(600)").start());
        Thread.sleep(500);
        try {
            long[] pids = {children.get(0).pid(), children.get(1).pid(), ProcessHandle.current().pid()};
            String[] names = {"sleep", "python3", "this JVM"};
            microsPerRead(Path.of("/proc/self/stat")); // the read path compiled before the first figure
            System.out.printf("%-10s %8s %12s %12s %15s%n", "process", "mappings", "stat µs", "statm µs", "smaps_rollup µs");
            for (int i = 0; i < pids.length; i++) {
                long mappings = Files.readAllLines(Path.of("/proc", Long.toString(pids[i]), "maps")).size();
                StringBuilder row = new StringBuilder(String.format("%-10s %8d", names[i], mappings));
                for (String file : FILES) {
                    row.append(String.format(" %12.1f", microsPerRead(Path.of("/proc", Long.toString(pids[i]), file))));
                }
                System.out.println(row);
            }
        } finally {
            children.forEach(Process::destroyForcibly);
        }
    }

    /** The mean time of one read of {@code file}, over a second of reads after a third of a second's warm-up. */
    private static double microsPerRead(Path file) throws IOException {
        long sink = 0;
        long warm = System.nanoTime() + 300_000_000L;
        while (System.nanoTime() - warm < 0) {
            sink += Files.readAllBytes(file).length;
        }
        long reads = 0;
        long t0 = System.nanoTime();
        long t;
        do {
            sink += Files.readAllBytes(file).length;
            reads++;
            t = System.nanoTime() - t0;
        } while (t < 1_000_000_000L);
        if (sink == 42) {
            System.out.print("");
        }
        return t / 1e3 / reads;
    }
}
