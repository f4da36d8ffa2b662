package dev.hum.bench;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.control.Cancel;
import dev.hum.control.ControlClient;
import dev.hum.control.ControlServer;
import dev.hum.control.LocalControl;
import dev.hum.control.ProcessControl;
import dev.hum.control.Until;
import dev.hum.control.WaitRequest;
import dev.hum.control.WaitResult;
import dev.hum.log.LogBuffer;
import dev.hum.process.Supervisor;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Issue 12's figures for {@code wait_for}: the time from a matching line's arrival in a log to the waiter's answer,
 * alone (in the JVM that supervises) and bridged (over the dashboard's Unix socket), while four processes flood; and
 * the CPU that 100 idle waiters add to a supervisor of 20 processes printing a line a second.
 *
 * <p>Arrival is the moment the line is appended to the process's {@link LogBuffer} (as its pump would append it): the
 * bench appends a notice itself, so that the clock starts exactly there, and a waiter for that text answers.
 *
 * <pre>
 * mvn -B -q -DskipTests install && mvn -B -q -f bench/pom.xml package
 * java -cp bench/target/benchmarks.jar dev.hum.bench.WaitLatency 300
 * </pre>
 */
public final class WaitLatency {

    private WaitLatency() {}

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        Path project = Files.createTempDirectory("hum-wait-bench");
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            specs.add(shell("flood" + i, "yes 'GET /api/items 200 12ms flood line of sixty bytes or so ....'"));
        }
        specs.add(shell("target", "sleep 600"));
        Supervisor supervisor =
                new Supervisor(new ProjectConfig(project, Origin.HUM_FILE, specs, new Settings(100_000, 30)));
        try {
            supervisor.startWanted(List.of()).forEach(f -> f.join());
            LocalControl alone = new LocalControl(supervisor, false);
            Path runtime = Files.createTempDirectory("hum-wait-bench-run");
            try (ControlServer server = ControlServer.start(supervisor, project, runtime, note -> {});
                    ControlClient bridged = ControlClient.find(runtime, project).orElseThrow()) {
                LogBuffer log = supervisor.find("target").orElseThrow().log();
                for (int round = 0; round < 2; round++) { // the first round warms the JIT up
                    report(round == 0 ? "warm-up alone" : "alone", latencies(alone, log, samples));
                    report(round == 0 ? "warm-up bridged" : "bridged", latencies(bridged, log, samples));
                }
            }
        } finally {
            supervisor.close();
        }
        idleWaiters(project);
    }

    /** Nanoseconds from each append to its waiter's answer. */
    private static long[] latencies(ProcessControl control, LogBuffer log, int samples) throws Exception {
        long[] out = new long[samples];
        for (int i = 0; i < samples; i++) {
            String text = "bench-match-" + System.nanoTime();
            AtomicLong answered = new AtomicLong();
            CountDownLatch waiting = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                waiting.countDown();
                WaitResult r = control.waitFor(
                        new WaitRequest(
                                "target", new Until.Log(text, false), Duration.ofSeconds(30), OptionalLong.empty()),
                        Cancel.none());
                answered.set(System.nanoTime());
                if (!r.met()) {
                    throw new IllegalStateException("not met: " + r.message());
                }
            });
            waiter.start();
            waiting.await();
            Thread.sleep(20); // the waiter is parked by now (a waiter that comes late answers at once: still correct)
            long appended = System.nanoTime();
            log.appendNotice(text);
            waiter.join(TimeUnit.SECONDS.toMillis(30));
            out[i] = answered.get() - appended;
        }
        return out;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%-16s n=%d p50=%.3f ms p99=%.3f ms max=%.3f ms%n",
                what,
                sorted.length,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) (sorted.length * 0.99) - 1] / 1e6,
                sorted[sorted.length - 1] / 1e6);
    }

    /** Process CPU over 20 s of 20 chatty processes, with no waiter, then with 100 waiters for a line never printed. */
    private static void idleWaiters(Path project) throws Exception {
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            specs.add(shell("tick" + i, "while :; do echo tick $(date +%s%N); sleep 1; done"));
        }
        Supervisor supervisor =
                new Supervisor(new ProjectConfig(project, Origin.HUM_FILE, specs, new Settings(100_000, 30)));
        try {
            supervisor.startWanted(List.of()).forEach(f -> f.join());
            LocalControl control = new LocalControl(supervisor, false);
            Thread.sleep(5_000);
            System.out.printf("idle, 0 waiters:   %.1f ms CPU in 20 s%n", cpuMillisOver(20));
            List<Thread> waiters = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                Thread t = new Thread(() -> control.waitFor(
                        new WaitRequest(
                                "tick" + 0,
                                new Until.Log("never-printed-" + System.nanoTime(), false),
                                Duration.ofMinutes(10),
                                OptionalLong.empty()),
                        Cancel.none()));
                t.setDaemon(true);
                t.start();
                waiters.add(t);
            }
            Thread.sleep(2_000);
            System.out.printf("idle, 100 waiters: %.1f ms CPU in 20 s%n", cpuMillisOver(20));
        } finally {
            supervisor.close();
        }
    }

    private static double cpuMillisOver(int seconds) throws InterruptedException {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long before = os.getProcessCpuTime();
        Thread.sleep(seconds * 1000L);
        return (os.getProcessCpuTime() - before) / 1e6;
    }

    private static ProcessSpec shell(String name, String script) {
        return new ProcessSpec(
                name,
                new Command.Shell(script),
                Path.of(System.getProperty("java.io.tmpdir")),
                Map.of(),
                true,
                StopSignal.TERM,
                Duration.ofSeconds(2));
    }
}
