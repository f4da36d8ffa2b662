package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.control.SocketPath;
import dev.hum.testing.Poll;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real jar on a real terminal: tmux runs a shell, the test types {@code java -jar hum.jar} (or
 * the launcher beside it) into it, presses keys and reads the pane back. Runs in the integration-test phase, after the jar is
 * built.
 */
final class TmuxIT {

    private static final Path JAR = Path.of("target", "hum.jar").toAbsolutePath();
    private static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");
    // Not anchored: the shell may print it after a prompt. The typed `"EXIT=$?"` has no digits.
    private static final Pattern EXIT = Pattern.compile("EXIT=(\\d+)");

    @TempDir
    Path dir;

    private final String token = "humtmux-" + UUID.randomUUID().toString().substring(0, 8);
    private Path release;
    private Tmux tmux;

    @BeforeEach
    void project() throws Exception {
        Assumptions.assumeTrue(Tmux.installed(), "tmux is not installed (.ci/run installs it); skipping");
        assertTrue(Files.isRegularFile(JAR), JAR + " is missing: run these tests with mvn verify");
        release = dir.resolve("release");
        String env = "    env: {HUM_TEST_TOKEN: " + token + "}\n";
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n"
                        + "  alpha:\n    cmd: echo alpha-ready; sleep 300\n" + env
                        + "  beta:\n    cmd: sh -c 'sleep 300' & echo beta-ready; sleep 300\n" + env
                        + "  stubborn:\n    cmd: trap '' TERM; echo stubborn-ready; sleep 300\n"
                        + "    stop_timeout: 500ms\n" + env
                        // Stops only once the test creates the release file: STOPPING stays on screen.
                        + "  gate:\n    cmd: trap 'while [ ! -f " + release + " ]; do sleep 0.1; done; exit 0' TERM;"
                        // the word is built at run time: hum's start notice quotes the command, not "gate-ready"
                        + " w=gate; echo $w-ready; while :; do sleep 0.2; done\n"
                        + "    stop_timeout: 10m\n" + env);
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (tmux != null) {
            tmux.close();
        }
        // Whatever a failed test left behind must not outlive it.
        for (long pid : TokenScan.find(token)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void dashboard_keysDriveProcessesAndQuitLeavesNothingAndAUsableShell() throws Exception {
        tmux = Tmux.start(dir, 120, 30);
        startHum();
        tmux.awaitText("gate-ready");
        awaitStatus("gate", "RUNNING");

        tmux.keys("j");
        tmux.awaitText("alpha · RUNNING");
        tmux.keys("j");
        tmux.awaitText("beta · RUNNING");
        tmux.keys("k");
        tmux.awaitText("alpha · RUNNING");

        tmux.keys("x");
        tmux.awaitText("alpha · STOPPED");
        awaitStatus("alpha", "STOPPED");
        tmux.keys("s");
        tmux.awaitText("hum: start #2");
        tmux.awaitText("alpha · RUNNING");
        tmux.keys("r");
        tmux.awaitText("hum: start #3");
        tmux.awaitText("alpha · RUNNING");

        tmux.keys("/");
        tmux.awaitText("search: ");
        tmux.type("ALPHA-READY");
        tmux.keys("Enter");
        tmux.awaitText("/ALPHA-READY (n older, N newer)");
        tmux.keys("Escape");
        tmux.await(s -> !s.contains("/ALPHA-READY"), "the search to clear");

        tmux.keys("?");
        tmux.await(TmuxIT::showsHelp, "the help box");
        tmux.keys("?");
        tmux.await(s -> !showsHelp(s), "help to close");

        tmux.keys("q");
        tmux.awaitText("quitting: stopping");
        awaitStatus("gate", "STOPPING");
        awaitStatus("alpha", "STOPPED");
        awaitStatus("beta", "STOPPED");
        awaitStatus("stubborn", "STOPPED");
        Files.createFile(release);
        assertEquals(0, awaitExit());
        assertEquals(List.of(), TokenScan.find(token), "processes left after q");
        assertShellUsable();
    }

    @Test
    void ctrlC_quitsLikeQ() throws Exception {
        Files.createFile(release);
        tmux = Tmux.start(dir, 120, 30);
        startHum();
        tmux.awaitText("gate-ready");
        tmux.keys("C-c");
        assertEquals(0, awaitExit());
        assertEquals(List.of(), TokenScan.find(token), "processes left after Ctrl-C");
        assertShellUsable();
    }

    @Test
    void sigterm_stopsEveryProcessAndRestoresTheTerminal() throws Exception {
        Files.createFile(release);
        tmux = Tmux.start(dir, 120, 30);
        startHum();
        tmux.awaitText("gate-ready");
        long hum = tmux.childOfShell("hum.jar").orElseThrow(() -> new AssertionError("no hum under the shell"));
        new ProcessBuilder("kill", "-TERM", Long.toString(hum)).start().waitFor();
        assertEquals(128 + 15, awaitExit());
        String after = tmux.screen();
        // Regression: the render loop kept drawing after the shutdown hook restored the terminal.
        assertFalse(after.contains("STOPP") || after.contains("│"), "dashboard drawn on the shell screen:\n" + after);
        assertEquals(List.of(), TokenScan.find(token), "processes left after SIGTERM");
        assertShellUsable();
    }

    @Test
    void windowClosed_sighupStopsEveryProcess() throws Exception {
        Files.createFile(release);
        tmux = Tmux.start(dir, 120, 30);
        startHum();
        tmux.awaitText("gate-ready");
        awaitStatus("stubborn", "RUNNING");
        tmux.close(); // the terminal goes away: hum gets SIGHUP
        tmux = null;
        // Fails with the pids still running if any process outlives the window.
        Poll.until("every process to stop after the window closed", () -> TokenScan.find(token), List::isEmpty);
    }

    @Test
    void signals_removeTheControlSocketOnEveryWayOut() throws Exception {
        Files.createFile(release);
        Path runtime = Files.createDirectories(dir.resolve("runtime"));
        Path socket = SocketPath.forProject(runtime.resolve("hum"), dir);
        for (String way : List.of("TERM", "HUP", "INT", "q")) {
            tmux = Tmux.start(dir, 120, 30);
            tmux.typeLine("XDG_RUNTIME_DIR=" + runtime + " HUM_TEST_TOKEN=" + token + " " + JAVA + " -jar " + JAR
                    + "; echo \"EXIT=$?\"");
            tmux.awaitText("gate-ready");
            assertTrue(Files.exists(socket), "the dashboard listens on " + socket);
            if (way.equals("q")) {
                tmux.keys("q");
            } else {
                long hum = tmux.childOfShell("hum.jar").orElseThrow(() -> new AssertionError("no hum under the shell"));
                new ProcessBuilder("kill", "-" + way, Long.toString(hum))
                        .start()
                        .waitFor();
            }
            awaitExit();
            assertFalse(Files.exists(socket, LinkOption.NOFOLLOW_LINKS), "the socket is left after " + way);
            tmux.close();
            tmux = null;
        }
    }

    @Test
    void childEscapes_neverReachTheTerminal() throws Exception {
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  rogue:\n    cmd: >-\n"
                        + "      printf '\\033]2;pwned\\007\\033]52;c;aGk=\\007\\033[2J\\033[?1049l\\033[5;5H%s-done\\n' rogue; sleep 300\n"
                        + "    env: {HUM_TEST_TOKEN: " + token + "}\n");
        tmux = Tmux.start(dir, 100, 20);
        String before = tmux.paneTitle();
        startHum();
        tmux.awaitText("rogue-done");
        String screen = tmux.awaitText("↑↓ select");
        assertTrue(screen.contains("rogue") && screen.contains("RUNNING"), "the dashboard is intact:\n" + screen);
        assertEquals(before, tmux.paneTitle(), "a child's OSC 2 title reached the terminal");
        assertFalse(tmux.paneTitle().contains("pwned"));
        tmux.keys("q");
        assertEquals(0, awaitExit());
    }

    @Test
    void wideCharacters_keepTheSeparatorInItsColumn() throws Exception {
        // ✅ takes two cells in tmux. Lines keep arriving, so most frames redraw the pane and not the
        // list: a row that ran past the right edge would wrap over the list and stay there. The script
        // is ASCII (octal escapes), whatever the locale of the JVM that writes it into hum's environment.
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  tests:\n    cmd: >-\n"
                        + "      c=$(printf '\\342\\234\\205'); l=; for k in $(seq 120); do l=$l$c; done;"
                        + " i=0; while [ $i -lt 30 ]; do i=$((i+1)); printf '%s line-%s\\n' \"$l\" $i; sleep 0.05; done;"
                        + " printf 'rocket \\360\\237\\232\\200 cafe\\314\\201 x\\342\\200\\215y \\342\\235\\214 %s\\n' done;"
                        + " sleep 300\n"
                        + "    env: {HUM_TEST_TOKEN: " + token + "}\n"
                        + "  idle:\n    cmd: sleep 300\n    autostart: false\n");
        tmux = Tmux.start(dir, 100, 20);
        startHum();
        String screen = tmux.await(s -> s.contains("❌ done") && s.contains("RUNNING"), "the last line");
        List<String> rows = screen.lines().toList();
        int separator = rows.get(0).indexOf('│');
        assertTrue(separator > 0, screen);
        // Everything left of the separator is one cell per char, so its index is its column.
        for (int r = 0; r < 19; r++) {
            assertEquals(separator, rows.get(r).indexOf('│'), "row " + r + ":\n" + screen);
        }
        assertTrue(rows.get(2).startsWith("  tests "), screen);
        assertTrue(rows.get(3).startsWith("  idle "), screen);
        assertTrue(screen.contains("✅✅✅ line-30"), screen);
        assertTrue(screen.contains("rocket 🚀 cafe\u0301 xy ❌ done"), "emoji, marks, no ZWJ:\n" + screen);
        tmux.keys("q");
        assertEquals(0, awaitExit());
    }

    @Test
    void smallWindow_drawsAndQuits() throws Exception {
        Files.createFile(release);
        tmux = Tmux.start(dir, 40, 10);
        startHum();
        String screen = tmux.await(
                s -> s.contains("gate") && s.contains("RUNNING") && s.contains("↑↓ select"), "a 40x10 dashboard");
        assertTrue(screen.lines().count() <= 10, screen);
        tmux.keys("j");
        tmux.awaitText("alpha · ");
        tmux.keys("?");
        tmux.await(TmuxIT::showsHelp, "the help box, scrolling in a small window");
        tmux.keys("?");
        tmux.keys("q");
        assertEquals(0, awaitExit());
        assertEquals(List.of(), TokenScan.find(token), "processes left after q");
    }

    @Test
    void launcher_runsHumWithTheChosenFlagsAndTheBuildsClassDataArchive() throws Exception {
        Path launcher = JAR.resolveSibling("hum");
        // Pinned to the JVM of the tests: a JDK 17 takes the class-data archive, a JDK 25 the AOT cache.
        boolean aot = Runtime.version().feature() >= 25;
        Path archive = JAR.resolveSibling(aot ? "hum.aot" : "hum.jsa");
        assertTrue(Files.isExecutable(launcher), launcher + " is missing: the build copies it beside the jar");
        assertTrue(
                Files.isRegularFile(archive),
                archive + " is missing: the build's class-data session failed, see target/class-data-training");
        Files.createFile(release);
        tmux = Tmux.start(dir, 120, 30);
        tmux.typeLine("HUM_JAVA=" + JAVA + " HUM_TEST_TOKEN=" + token + " " + launcher + "; echo \"EXIT=$?\"");
        tmux.awaitText("gate-ready");
        long hum = tmux.childOfShell("hum.jar").orElseThrow(() -> new AssertionError("no hum under the shell"));
        String argv = Files.readString(Path.of("/proc", Long.toString(hum), "cmdline"))
                .replace('\0', ' ');
        assertTrue(argv.contains("-XX:+UseSerialGC"), argv);
        // The JVM maps an archive it accepted; one that does not match the jar or the JDK is dropped.
        String maps = Files.readString(Path.of("/proc", Long.toString(hum), "maps"));
        assertTrue(maps.contains(archive.toRealPath().toString()), "the archive is not mapped by " + argv);
        tmux.keys("q");
        assertEquals(0, awaitExit());
        assertEquals(List.of(), TokenScan.find(token), "processes left after q");
        assertShellUsable();
    }

    @Test
    void dumbTerminal_suggestsHeadlessAndExits2() throws Exception {
        tmux = Tmux.start(dir, 120, 30);
        tmux.typeLine("TERM=dumb " + JAVA + " -jar " + JAR + "; echo \"EXIT=$?\"");
        assertEquals(2, awaitExit());
        String screen = tmux.screen();
        assertTrue(screen.contains("hum: the dashboard needs a terminal (TERM is 'dumb'); use hum --headless"), screen);
        assertEquals(List.of(), TokenScan.find(token), "nothing may start without a dashboard");
    }

    @Test
    void oldest_afterTheScrollbackDroppedLines_showsTheOldestLineHeld() throws Exception {
        // Regression (issue 10): Home / g computed Long.MIN_VALUE - firstSeq, which overflowed once the ring had
        // dropped lines, and the pane went empty.
        Path small = Files.createDirectories(dir.resolve("small"));
        Files.writeString(
                small.resolve("hum.yaml"),
                "settings:\n  scrollback: 100\n"
                        + "processes:\n  count:\n"
                        + "    cmd: i=1; while [ $i -le 150 ]; do echo line-$i; i=$((i+1)); done; sleep 300\n"
                        + "    env: {HUM_TEST_TOKEN: " + token + "}\n");
        tmux = Tmux.start(small, 100, 20);
        startHum();
        tmux.awaitText("line-150");
        tmux.keys("g");
        String screen = tmux.await(s -> s.contains("paused"), "g to pause at the oldest line");
        String firstRow = screen.lines().skip(1).findFirst().orElse("");
        Matcher line = Pattern.compile("line-(\\d+)").matcher(firstRow);
        assertTrue(line.find(), "the oldest line held is at the top, not an empty pane:\n" + screen);
        assertTrue(Integer.parseInt(line.group(1)) < 150, screen);
        tmux.keys("End");
        tmux.awaitText("following");
        tmux.keys("q");
        assertEquals(0, awaitExit());
    }

    @Test
    void copy_reachesTmuxsBufferWithSetClipboardOn() throws Exception {
        Files.createFile(release);
        tmux = Tmux.start(dir, 120, 30);
        tmux.setOption("set-clipboard", "on"); // tmux takes OSC 52 from the pane into a paste buffer
        startHum();
        tmux.awaitText("gate-ready");
        tmux.keys("j");
        tmux.awaitText("alpha · RUNNING");
        tmux.keys("v"); // the bottom line: alpha-ready
        tmux.awaitText("y or Enter copies");
        tmux.keys("y");
        tmux.awaitText("copied 1 line (11 B) to the clipboard: OSC 52");
        assertEquals("alpha-ready", Poll.until("tmux's buffer", this::buffer, b -> !b.isEmpty()));

        // A mouse drag as the terminal reports it in mode 1002 (X10 bytes: ESC [ M, button+32, column+33, row+33):
        // the button goes down on alpha's first line (hum's start notice, row 1), moves to row 2, comes up.
        tmux.type("\u001b[M q\"");
        tmux.type("\u001b[M@q#");
        tmux.type("\u001b[M#q#");
        tmux.awaitText("y or Enter copies");
        tmux.keys("y");
        tmux.awaitText("copied 2 lines");
        String dragged = Poll.until("the dragged lines", this::buffer, b -> b.contains("\n"));
        assertTrue(dragged.startsWith("hum: start #1") && dragged.endsWith("\nalpha-ready"), dragged);

        tmux.keys("k"); // all processes, each line behind its name
        tmux.awaitText("all processes");
        tmux.keys("v", "g", "Enter");
        tmux.awaitText("copied ");
        String all = Poll.until("the second copy", this::buffer, b -> b.contains("gate-ready"));
        assertTrue(all.contains("alpha    | alpha-ready"), all);
        assertTrue(all.contains("gate     | gate-ready"), all);
        tmux.keys("q");
        assertEquals(0, awaitExit());
    }

    @Test
    void filter_showsOnlyMatchesWhileAFloodRuns_andZoomHidesTheList() throws Exception {
        // A flood that runs until the test releases it, one line in a thousand a needle; the word is built at run
        // time so hum's start notice, which quotes the command, is no match.
        Path flood = Files.createDirectories(dir.resolve("flood"));
        Files.writeString(
                flood.resolve("hum.yaml"),
                "processes:\n  flood:\n"
                        + "    cmd: w=need; i=0; while [ ! -f " + release + " ]; do i=$((i+1));"
                        + " if [ $((i % 1000)) -eq 0 ]; then echo \"${w}le-$i\"; else echo \"hay $i\"; fi; done;"
                        + " echo \"${w}le-final\"; sleep 300\n"
                        + "    env: {HUM_TEST_TOKEN: " + token + "}\n");
        tmux = Tmux.start(flood, 120, 30);
        startHum();
        tmux.awaitText("needle-");
        tmux.keys("f");
        tmux.awaitText("filter: ");
        tmux.type("needle");
        tmux.keys("Enter");
        String during = tmux.await(s -> s.contains("filter: needle · "), "the filter's title");
        assertOnlyNeedles(during);
        long seen = newestNeedle(during);
        // Live: needles printed after the filter started reach its tail while the flood goes on.
        String later = tmux.await(s -> newestNeedle(s) > seen + 5000, "newer needles at the filtered tail");
        assertOnlyNeedles(later);
        Matcher count =
                Pattern.compile("filter: needle · ([0-9,]+) of ([0-9,]+) lines").matcher(later);
        assertTrue(count.find(), later);
        long matched = Long.parseLong(count.group(1).replace(",", ""));
        long held = Long.parseLong(count.group(2).replace(",", ""));
        assertTrue(matched > 0 && matched * 1000 <= held + 1000, "about one line in a thousand: " + count.group());

        tmux.keys("z");
        String zoomed = tmux.await(s -> !s.contains("PROCESS"), "zoom to hide the list");
        assertTrue(zoomed.lines().findFirst().orElse("").contains("zoom"), zoomed);
        assertOnlyNeedles(zoomed);
        tmux.keys("z");
        tmux.awaitText("PROCESS");

        Files.createFile(release);
        assertOnlyNeedles(tmux.awaitText("needle-final"));
        tmux.keys("Escape");
        tmux.await(s -> !s.contains("filter: needle") && s.contains("hay "), "Esc to show every line again");
        tmux.keys("q");
        assertEquals(0, awaitExit());
    }

    @Test
    void mouseKey_turnsTheTerminalsMouseReportingOffAndOn() throws Exception {
        Files.createFile(release);
        tmux = Tmux.start(dir, 120, 30);
        startHum();
        tmux.awaitText("gate-ready");
        // mouse_button_flag: the pane asked for clicks and drags (mode 1002), which hum uses to select lines
        Poll.until("hum to capture the mouse", this::mouseButtonFlag, "1"::equals);
        tmux.keys("m");
        tmux.awaitText("mouse: the terminal's");
        Poll.until("the mouse handed to the terminal", this::mouseButtonFlag, "0"::equals);
        tmux.keys("m");
        tmux.awaitText("mouse: hum's");
        Poll.until("the mouse taken back", this::mouseButtonFlag, "1"::equals);
        tmux.keys("q");
        assertEquals(0, awaitExit());
    }

    private String mouseButtonFlag() {
        try {
            return tmux.paneFormat("#{mouse_button_flag}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String buffer() {
        try {
            return tmux.newestBuffer();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The highest needle number on the screen, or -1. */
    private static long newestNeedle(String screen) {
        Matcher m = Pattern.compile("needle-(\\d+)").matcher(screen);
        long newest = -1;
        while (m.find()) {
            newest = Math.max(newest, Long.parseLong(m.group(1)));
        }
        return newest;
    }

    /** Every log row of the screen (below the title, above the key bar) is empty or a needle. */
    private static void assertOnlyNeedles(String screen) {
        List<String> rows = screen.lines().toList();
        for (String row : rows.subList(1, rows.size() - 1)) {
            String log = row.contains("│") ? row.substring(row.indexOf('│') + 1) : row;
            assertTrue(
                    log.isBlank() || log.contains("needle-"), "a line that does not match: '" + log + "'\n" + screen);
        }
    }

    private void startHum() throws Exception {
        tmux.typeLine("HUM_TEST_TOKEN=" + token + " " + JAVA + " -jar " + JAR + "; echo \"EXIT=$?\"");
    }

    /** Waits for the row of {@code name} in the process list to show {@code status}. */
    private void awaitStatus(String name, String status) throws Exception {
        tmux.await(
                s -> s.lines()
                        .anyMatch(line -> line.length() > 2
                                && line.substring(2).startsWith(name + " ")
                                && line.split("│")[0].contains(status)),
                name + " to show " + status + " in the list");
    }

    /** Waits for the shell's {@code EXIT=n} line after hum ends; returns n. */
    private int awaitExit() throws Exception {
        String screen = tmux.await(s -> EXIT.matcher(s).find(), "hum to exit and the shell to print EXIT=");
        Matcher m = EXIT.matcher(screen);
        assertTrue(m.find());
        return Integer.parseInt(m.group(1));
    }

    /** The shell echoes what is typed, reads whole lines and runs them: the terminal is restored. */
    private void assertShellUsable() throws Exception {
        tmux.typeLine("clear; stty -a");
        String stty = tmux.await(s -> s.contains("icanon") && s.contains("isig"), "stty -a output");
        Set<String> flags = Arrays.stream(stty.split("[\\s;]+")).collect(Collectors.toSet());
        assertTrue(flags.contains("echo") && !flags.contains("-echo"), "echo is off:\n" + stty);
        assertTrue(flags.contains("icanon") && !flags.contains("-icanon"), "line mode is off:\n" + stty);
        tmux.typeLine("echo ok-$((1+1))");
        String screen = tmux.await(s -> s.lines().anyMatch(l -> l.strip().equals("ok-2")), "the shell to answer ok-2");
        assertTrue(screen.contains("echo ok-$((1+1))"), "what was typed is not echoed:\n" + screen);
        Optional<Long> hum = tmux.childOfShell("hum.jar");
        assertFalse(hum.isPresent(), "hum still runs under the shell: " + hum);
    }

    /** The help box's title: {@code keys · any key closes}, or {@code keys 1-7 of 39 · …} when it scrolls. */
    private static boolean showsHelp(String screen) {
        return HELP_TITLE.matcher(screen).find();
    }

    private static final Pattern HELP_TITLE = Pattern.compile(" keys( \\d+-\\d+ of \\d+)? · ");
}
