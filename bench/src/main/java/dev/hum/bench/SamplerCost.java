package dev.hum.bench;

import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.process.Supervised;
import dev.hum.process.Supervisor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CPU of hum's sampler thread (ports, URLs, CPU and memory of every process, once a second) with N idle processes:
 * the thread's own CPU time ({@code ThreadMXBean}) over a window after a warm-up. Not JMH: the sampler runs on its
 * own clock, and the question is its cost per second, not per call.
 *
 * <p>Kinds: {@code ticks} runs {@code while sleep 1; do echo tick; done} (a shell and a sleep: a tree of two, one
 * line a second, as DESIGN §4's idle case); {@code servers} runs a Python server listening on a port of its own and
 * printing its URL; {@code sleep} runs {@code sleep 3600} (one process, no output: the cost without log scanning).
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -DskipTests package} and {@code mvn -B -q
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt}): {@code javac -d target/bench-classes -cp
 * target/classes:$(cat target/cp.txt) bench/src/main/java/dev/hum/bench/SamplerCost.java && java -cp
 * target/bench-classes:target/classes:$(cat target/cp.txt) dev.hum.bench.SamplerCost 20 ticks 20}; or from the
 * benchmarks jar: {@code java -cp bench/target/benchmarks.jar dev.hum.bench.SamplerCost 200 ticks 20}.
 */
public final class SamplerCost {

    private static final String SERVER = "import socket, time\n"
            + "s = socket.socket(); s.bind(('127.0.0.1', 0)); s.listen()\n"
            + "print('http://localhost:%d/' % s.getsockname()[1], flush=True)\n"
            + "time.sleep(3600)\n";

    private SamplerCost() {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String kind = args.length > 1 ? args[1] : "ticks";
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Command command = switch (kind) {
                case "servers" -> new Command.Argv(List.of("python3", "-c", SERVER));
                case "sleep" -> new Command.Argv(List.of("sleep", "3600"));
                default -> new Command.Shell("while sleep 1; do echo tick; done");
            };
            specs.add(new ProcessSpec(
                    "p" + i, command, tmp, Map.of(), true, StopSignal.TERM, Duration.ofSeconds(5)));
        }
        try (Supervisor supervisor =
                new Supervisor(new ProjectConfig(tmp, Origin.HUM_FILE, specs, new Settings(1000, 30)))) {
            supervisor.startWanted(List.of()).forEach(f -> f.join());
            Thread.sleep(5000); // warm-up: every process up, the sampler's code compiled
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long id = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("hum-sampler"))
                    .findFirst()
                    .orElseThrow()
                    .getId();
            long cpu0 = mx.getThreadCpuTime(id);
            long wall0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long cpu = mx.getThreadCpuTime(id) - cpu0;
            long wall = System.nanoTime() - wall0;
            long withPorts = supervisor.processes().stream()
                    .map(Supervised::sample)
                    .filter(s -> !s.ports().isEmpty())
                    .count();
            long withUrls = supervisor.processes().stream()
                    .map(Supervised::sample)
                    .filter(s -> !s.urls().isEmpty())
                    .count();
            System.out.printf(
                    "processes %d (%s), window %.1f s: sampler CPU %.1f ms = %.2f %% of one core (%.2f ms a pass);"
                            + " sampled with ports %d, with URLs %d%n",
                    n,
                    kind,
                    wall / 1e9,
                    cpu / 1e6,
                    100.0 * cpu / wall,
                    cpu / 1e6 / (wall / 1e9),
                    withPorts,
                    withUrls);
        }
    }
}
