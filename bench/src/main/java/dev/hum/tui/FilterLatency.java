package dev.hum.tui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.hum.config.Command;
import dev.hum.config.Origin;
import dev.hum.config.ProcessSpec;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.config.StopSignal;
import dev.hum.process.Supervised;
import dev.hum.process.Supervisor;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The filter ({@code f}) over 10 processes × 100,000 lines, in the all view, on the real dashboard drawing into
 * Lanterna's virtual terminal (160×45): the time from Enter to the first frame whose pane is full of matches, to
 * the end of the scan of the scrollback, and the latency of keys pressed while the scan runs (the key handled and
 * the frame that shows it drawn and refreshed, on this thread, as the render loop does; the scan runs meanwhile on
 * the dashboard's own search worker). One line in a thousand matches; the processes are real ({@code awk}), then idle.
 * In package {@code dev.hum.tui} because the dashboard is package-private; not JMH: the question is a latency seen
 * by a person, over a scan that runs on another thread.
 *
 * <p>Run (from the repository root, after {@code mvn -B -q -DskipTests package} and {@code mvn -B -q
 * dependency:build-classpath -Dmdep.outputFile=target/cp.txt}): {@code javac -d target/bench-classes -cp
 * target/classes:$(cat target/cp.txt) bench/src/main/java/dev/hum/tui/FilterLatency.java && java -cp
 * target/bench-classes:target/classes:$(cat target/cp.txt) dev.hum.tui.FilterLatency 10 100000 8}
 * (processes, lines each, rounds; the first two rounds are warm-up).
 */
public final class FilterLatency {

    private static final int WARMUP = 2;

    private FilterLatency() {}

    public static void main(String[] args) throws Exception {
        int processes = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String awk = "awk 'BEGIN { for (i = 1; i <= " + lines + "; i++) if (i % 1000 == 0) print \"ERROR timeout on"
                + " request \" i; else print \"GET /api/users/\" i \" 200 \" (i % 90) \"ms\" }'; sleep 3600";
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 0; i < processes; i++) {
            specs.add(new ProcessSpec(
                    "p" + i, new Command.Shell(awk), tmp, Map.of(), true, StopSignal.TERM, Duration.ofSeconds(5)));
        }
        try (Supervisor supervisor =
                new Supervisor(new ProjectConfig(tmp, Origin.HUM_FILE, specs, new Settings(lines, 30)))) {
            supervisor.startWanted(List.of()).forEach(f -> f.join());
            for (Supervised p : supervisor.processes()) {
                while (p.log().totalAppended() < lines + 1L) { // the start notice, then every line
                    Thread.sleep(50);
                }
            }
            DefaultVirtualTerminal terminal = new DefaultVirtualTerminal(new TerminalSize(160, 45));
            Screen screen = new TerminalScreen(terminal);
            screen.startScreen();
            Dashboard dashboard = new Dashboard(supervisor, "bench", Dashboard.Clock.SYSTEM);
            frame(dashboard, screen);
            int paneRows = 45 - 2;
            List<Double> firstScreens = new ArrayList<>();
            List<Double> wholeScans = new ArrayList<>();
            List<Double> keys = new ArrayList<>();
            List<Double> idleKeys = new ArrayList<>();
            String title = "";
            for (int round = 0; round < rounds; round++) {
                // The baseline, in the same run: the same keys on the unfiltered all view, no scan running.
                for (int k = 0; k < 30; k++) {
                    long k0 = System.nanoTime();
                    dashboard.handle(new KeyStroke(k % 2 == 0 ? KeyType.PageUp : KeyType.PageDown));
                    frame(dashboard, screen);
                    if (round >= WARMUP) {
                        idleKeys.add((System.nanoTime() - k0) / 1e6);
                    }
                    Thread.sleep(2);
                }
                dashboard.handle(new KeyStroke(KeyType.End));
                dashboard.handle(new KeyStroke('f', false, false));
                for (char c : "error".toCharArray()) {
                    dashboard.handle(new KeyStroke(c, false, false));
                }
                frame(dashboard, screen);
                long t0 = System.nanoTime();
                dashboard.handle(new KeyStroke(KeyType.Enter));
                frame(dashboard, screen);
                double firstScreen = -1;
                int presses = 0;
                while (dashboard.scanning() || firstScreen < 0) {
                    if (firstScreen < 0 && matchRows(terminal) >= paneRows) {
                        firstScreen = (System.nanoTime() - t0) / 1e6;
                    }
                    if (dashboard.scanning()) { // a key while the scan runs: PgUp and PgDn in turn
                        long k0 = System.nanoTime();
                        dashboard.handle(new KeyStroke(presses++ % 2 == 0 ? KeyType.PageUp : KeyType.PageDown));
                        frame(dashboard, screen);
                        if (round >= WARMUP) {
                            keys.add((System.nanoTime() - k0) / 1e6);
                        }
                    } else {
                        frame(dashboard, screen);
                    }
                    Thread.sleep(2);
                }
                double whole = (System.nanoTime() - t0) / 1e6;
                dashboard.handle(new KeyStroke(KeyType.End));
                frame(dashboard, screen);
                title = row(terminal, 0).strip();
                if (round >= WARMUP) {
                    firstScreens.add(firstScreen);
                    wholeScans.add(whole);
                }
                System.out.printf(
                        Locale.ROOT,
                        "round %d%s: first screen %.1f ms, whole scan %.1f ms, %d keys meanwhile%n",
                        round,
                        round < WARMUP ? " (warm-up)" : "",
                        firstScreen,
                        whole,
                        presses);
                dashboard.handle(new KeyStroke(KeyType.Escape));
                frame(dashboard, screen);
            }
            System.out.println("title after the scan: " + title);
            System.out.printf(
                    Locale.ROOT,
                    "%d processes x %d lines, %d rounds after %d warm-up:%n"
                            + "  time to the first screen of matches: median %.1f ms, max %.1f ms%n"
                            + "  time to the whole scan: median %.1f ms, max %.1f ms%n"
                            + "  keys while scanning (%d): median %.2f ms, p99 %.2f ms, max %.2f ms%n"
                            + "  keys with no scan, same view unfiltered (%d): median %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    processes,
                    lines,
                    rounds - WARMUP,
                    WARMUP,
                    percentile(firstScreens, 50),
                    percentile(firstScreens, 100),
                    percentile(wholeScans, 50),
                    percentile(wholeScans, 100),
                    keys.size(),
                    percentile(keys, 50),
                    percentile(keys, 99),
                    percentile(keys, 100),
                    idleKeys.size(),
                    percentile(idleKeys, 50),
                    percentile(idleKeys, 99),
                    percentile(idleKeys, 100));
            screen.stopScreen();
        }
        System.exit(0); // the search worker is a daemon; the supervisor stopped its processes on close
    }

    private static void frame(Dashboard dashboard, Screen screen) throws IOException {
        screen.doResizeIfNecessary();
        dashboard.draw(screen);
        screen.refresh(Screen.RefreshType.DELTA);
    }

    /** Rows that show a matching line. */
    private static int matchRows(DefaultVirtualTerminal terminal) {
        int n = 0;
        for (int r = 1; r < terminal.getTerminalSize().getRows() - 1; r++) {
            if (row(terminal, r).contains("ERROR timeout")) {
                n++;
            }
        }
        return n;
    }

    private static String row(DefaultVirtualTerminal terminal, int r) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < terminal.getTerminalSize().getColumns(); c++) {
            sb.append(terminal.getCharacter(c, r).getCharacterString());
        }
        return sb.toString();
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
