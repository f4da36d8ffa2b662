package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.hum.config.Origin;
import dev.hum.config.ProjectConfig;
import dev.hum.config.Settings;
import dev.hum.log.LogBuffer;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard drawn on Lanterna's virtual terminal, driven by keys, over real processes. */
final class DashboardTest {

    private static ProcessState state(ScreenHarness h, String name) {
        return h.supervisor.registry().find(name).orElseThrow().get();
    }

    @Test
    void list_showsEveryStatusAsAWord() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                120,
                20,
                ScreenHarness.shell("ok", "exit 0"),
                ScreenHarness.shell("bad", "exit 3"),
                ScreenHarness.shell("up", "sleep 300"),
                ScreenHarness.shell("killed", "kill -KILL $$"),
                ScreenHarness.shell("idle", "true", false))) {
            h.startAll();
            h.awaitText("EXITED 0");
            h.awaitText("FAILED 3");
            h.awaitText("KILLED SIGKILL");
            h.awaitText("RUNNING");
            h.awaitText("NOT STARTED");
            assertTrue(h.text().contains("4 of 5") || h.text().contains("1 of 5"), h.text());
        }
    }

    @Test
    void keys_selectStartStopRestart() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100,
                16,
                ScreenHarness.shell("web", "w=serv; echo ${w}ing; sleep 300", false),
                ScreenHarness.shell("db", "sleep 300", false))) {
            h.frame();
            assertTrue(h.row(2).startsWith("  web"), h.text());
            h.press('j'); // from "all" to web
            assertTrue(h.row(2).startsWith("▶ web"), h.text());
            assertTrue(h.row(0).contains("web · NOT STARTED"), h.row(0));
            h.press('s');
            h.awaitText("RUNNING");
            h.awaitText("│ serving"); // the line, not the start notice, which quotes the command
            h.press('x');
            h.await(() -> state(h, "web").status() == Status.STOPPED, "web to stop");
            h.awaitText("STOPPED");
            h.awaitText("web stopped with SIGTERM");
            h.press('r');
            h.await(() -> state(h, "web").run() == 2 && state(h, "web").status() == Status.RUNNING, "restart");
            h.awaitText("↻1");
            h.press(KeyType.ArrowDown);
            assertTrue(h.row(3).startsWith("▶ db"), h.text());
            h.press('k');
            h.press('k');
            h.press('s'); // on "all": every process not running, here db
            h.awaitText("started 1 process");
            assertEquals(Status.RUNNING, state(h, "db").status());
        }
    }

    @Test
    void mouse_clickSelectsTheProcessClicked() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100, 12, ScreenHarness.shell("web", "sleep 300"), ScreenHarness.shell("db", "sleep 300"))) {
            h.startAll();
            h.frame();
            h.dashboard.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(4, 3)));
            h.frame();
            assertTrue(h.row(3).startsWith("▶ db"), h.text());
            assertTrue(h.row(0).contains("db · RUNNING"), h.row(0));
            h.dashboard.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(60, 3)));
            h.frame();
            assertTrue(h.row(3).startsWith("▶ db"), "a click in the log pane selects nothing:\n" + h.text());
        }
    }

    @Test
    void needsFrame_onlyForChangesInView() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100, 12, ScreenHarness.shell("a", "true", false), ScreenHarness.shell("b", "true", false))) {
            h.press('j'); // a's log in view
            assertFalse(h.dashboard.needsFrame(), "nothing changed since the last frame");
            printLine(h, "b");
            assertFalse(h.dashboard.needsFrame(), "b's new line is out of view");
            printLine(h, "a");
            h.await(h.dashboard::needsFrame, "a's new line to call for a frame");
            h.frame();
            h.supervisor.start("b").join();
            assertTrue(h.dashboard.needsFrame(), "b's status is in the list");
        }
    }

    /** What a pump does for one line: append it, then publish the new count. */
    private static void printLine(ScreenHarness h, String name) {
        var log = h.supervisor.find(name).orElseThrow().log();
        log.appendNotice("a line");
        long total = log.totalAppended();
        h.supervisor.registry().find(name).orElseThrow().update(s -> s.withLines(total));
    }

    @Test
    void start_runningProcessSaysSo() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 10, ScreenHarness.shell("web", "sleep 300"))) {
            h.startAll();
            h.press('s');
            h.awaitText("web is already running");
        }
    }

    @Test
    void scroll_pausesTailCountsNewLinesAndFollowsAgain() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                80,
                12,
                ScreenHarness.shell("count", "i=1; while [ $i -le 200 ]; do echo line $i; i=$((i+1)); done; read x"))) {
            h.startAll();
            h.awaitText("line 200");
            assertTrue(h.text().contains("following"), h.text());
            h.press(KeyType.PageUp);
            assertTrue(h.text().contains("paused"), h.text());
            assertFalse(h.text().contains("line 200"), h.text());
            assertTrue(h.text().contains("line 190"), "a page is the pane's height less one row:\n" + h.text());
            h.supervisor.find("count").orElseThrow().log().appendNotice("fresh line");
            h.awaitText("1 new");
            assertFalse(h.text().contains("fresh line"), "a paused view stays put");
            h.press('G');
            assertTrue(h.text().contains("fresh line"), h.text());
            assertTrue(h.text().contains("following"), h.text());
            h.press('g');
            assertTrue(h.text().contains("hum: start #1"), h.text());
            assertTrue(h.text().contains("line 1\n") || h.text().contains("line 1 "), h.text());
            h.press(KeyType.End);
            h.dashboard.handle(new MouseAction(MouseActionType.SCROLL_UP, 4, new TerminalPosition(50, 5)));
            h.frame();
            assertTrue(h.text().contains("paused"), h.text());
            h.press(KeyType.PageDown);
            h.press(KeyType.PageDown);
            assertTrue(h.text().contains("following"), "scrolling down to the tail follows again:\n" + h.text());
        }
    }

    @Test
    void search_findsHighlightsAndStepsThroughWholeScrollback() throws Exception {
        Path script = Files.createTempFile("hum-lines", ".sh");
        Files.writeString(
                script,
                "i=1; while [ $i -le 5000 ]; do if [ $((i % 1000)) -eq 0 ]; then echo \"needle $i\"; else echo \"hay $i\"; fi; i=$((i+1)); done; read x\n");
        try (ScreenHarness h = new ScreenHarness(80, 12, ScreenHarness.shell("hay", "sh " + script))) {
            h.startAll();
            h.awaitText("needle 5000"); // the last line: the whole scrollback is in
            h.press('/');
            assertTrue(h.text().contains("search: "), h.text());
            h.type("NEEDLE");
            h.press(KeyType.Enter);
            assertTrue(h.text().contains("needle 5000"), "newest match first:\n" + h.text());
            int[] at = find(h, "needle 5000");
            assertEquals(Theme.CURRENT_MATCH_BG, h.cell(at[0], at[1]).getBackgroundColor(), "the match is highlighted");
            h.press('n');
            assertTrue(h.text().contains("needle 4000"), h.text());
            h.press('n');
            h.press('n');
            h.press('n');
            assertTrue(h.text().contains("needle 1000"), h.text());
            h.press('n');
            assertTrue(h.text().contains("no older match"), h.text());
            h.press('N');
            assertTrue(h.text().contains("needle 2000"), h.text());
            h.press(KeyType.Escape);
            assertFalse(h.text().contains("/NEEDLE"), h.text());
        }
    }

    @Test
    void allView_interleavesProcessesInArrivalOrderWithNames(@TempDir Path flags) throws Exception {
        // The test releases each line after it saw the one before: the arrival order is the test's, not the
        // scheduler's. Words are built at run time, so the start notices that quote the commands cannot match.
        String wait = "until [ -e " + flags + "/%s ]; do sleep 0.01; done; ";
        try (ScreenHarness h = new ScreenHarness(
                100,
                16,
                ScreenHarness.shell(
                        "first", "w=on; echo ${w}e; " + String.format(wait, "three") + "w=thr; echo ${w}ee; sleep 300"),
                ScreenHarness.shell("second", String.format(wait, "two") + "w=tw; echo ${w}o; sleep 300"))) {
            h.startAll();
            h.awaitText("│ one");
            Files.createFile(flags.resolve("two"));
            h.awaitText("│ two");
            Files.createFile(flags.resolve("three"));
            h.awaitText("│ three");
            String screen = h.text();
            int one = screen.indexOf("│ one");
            int two = screen.indexOf("│ two");
            int three = screen.indexOf("│ three");
            assertTrue(one >= 0 && one < two && two < three, screen);
            assertTrue(screen.contains("first  │ one") || screen.contains("first   │ one"), screen);
        }
    }

    @Test
    void resize_andTinyTerminalsDrawWithoutError() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                120,
                30,
                ScreenHarness.shell(
                        "web",
                        "i=0; while [ $i -lt 100 ]; do echo 'a long line of output that is longer than a small pane'; i=$((i+1)); done; sleep 300"))) {
            h.startAll();
            h.awaitText("RUNNING");
            for (int[] size : new int[][] {{40, 10}, {1, 1}, {2, 3}, {200, 60}, {41, 9}, {80, 24}}) {
                h.terminal.setTerminalSize(new TerminalSize(size[0], size[1]));
                h.frame();
                h.press('j');
                h.press('w');
                h.press(KeyType.PageUp);
                h.press('?');
                h.press('?');
            }
            java.util.Random random = new java.util.Random(42);
            for (int storm = 0; storm < 300; storm++) { // a window dragged about
                h.terminal.setTerminalSize(new TerminalSize(1 + random.nextInt(200), 1 + random.nextInt(60)));
                if (storm % 3 == 0) {
                    h.frame();
                }
            }
            h.terminal.setTerminalSize(new TerminalSize(40, 10));
            h.frame();
            assertTrue(h.row(9).startsWith(" "), "status bar on the last row");
            assertTrue(h.text().contains("web"), h.text());
        }
    }

    @Test
    void wideCharacters_keepColumnsRight() throws Exception {
        try (ScreenHarness h =
                new ScreenHarness(100, 10, ScreenHarness.shell("wide", "printf '日本語 ok\\n😀 ok\\n'; sleep 300"))) {
            h.startAll();
            h.press('j'); // nothing to select: one process has no "all" entry
            // The output itself, not the start notice, which quotes the command and so says "ok" first.
            h.awaitText("│ 😀 ok");
            String screen = h.text();
            assertTrue(screen.contains("│ 日本語 ok"), screen);
            assertTrue(
                    screen.contains("│ 😀 ok"), "an emoji outside the BMP is drawn whole, two cells wide:\n" + screen);
        }
    }

    @Test
    void stderrLines_areMarkedInTheGutter() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                80, 8, ScreenHarness.shell("mixed", "w=fi; echo ${w}ne; echo ${w}re >&2; sleep 300"))) {
            h.startAll();
            // stdout and stderr are two pipes with a pump each: either line may arrive first
            h.awaitText("│ fine");
            h.awaitText("│▍fire");
            int[] at = find(h, "▍fire");
            assertEquals(Theme.STDERR_MARK, h.cell(at[0], at[1]).getForegroundColor());
        }
    }

    @Test
    void help_listsEveryBindingAndAnyKeyCloses() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 60, ScreenHarness.shell("web", "sleep 300"))) {
            h.frame();
            h.press('?');
            // At 80 columns the box is the whole width: its rows, joined, read as the key table (descriptions wrap).
            String joined = h.text().replaceAll("\\s+", " ");
            for (KeyMap.Binding b : KeyMap.BINDINGS) {
                assertTrue(joined.contains(b.keys() + " " + b.does()), "help lacks " + b.keys() + ":\n" + h.text());
            }
            h.press('x'); // closes help, does not stop anything
            assertFalse(h.text().contains("any key closes"), h.text());
        }
    }

    @Test
    void quit_byQOrCtrlC() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 10, ScreenHarness.shell("web", "sleep 300"))) {
            h.frame();
            assertFalse(h.dashboard.quitRequested());
            h.dashboard.handle(new com.googlecode.lanterna.input.KeyStroke('c', true, false));
            assertTrue(h.dashboard.quitRequested());
            h.frame();
            assertTrue(h.text().contains("quitting"), h.text());
        }
    }

    @Test
    void quit_whenTheTerminalInputEnds() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 10, ScreenHarness.shell("web", "sleep 300"))) {
            h.frame();
            h.dashboard.handle(new com.googlecode.lanterna.input.KeyStroke(KeyType.EOF));
            assertTrue(h.dashboard.quitRequested(), "nobody can press q once stdin is gone");
        }
    }

    @Test
    void suspend_byCtrlZOnceAndTheOtherSignalKeysDoNothing() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 10, ScreenHarness.shell("web", "sleep 300"))) {
            h.frame();
            h.dashboard.handle(new com.googlecode.lanterna.input.KeyStroke('z', true, false));
            assertTrue(h.dashboard.takeSuspendRequest());
            assertFalse(h.dashboard.takeSuspendRequest(), "one Ctrl-Z suspends once");
            for (char c : new char[] {'\\', 's', 'q'}) { // Ctrl-\, Ctrl-S, Ctrl-Q
                h.dashboard.handle(new com.googlecode.lanterna.input.KeyStroke(c, true, false));
                assertFalse(h.dashboard.takeSuspendRequest(), "Ctrl-" + c);
                assertFalse(h.dashboard.quitRequested(), "Ctrl-" + c);
            }
        }
    }

    @Test
    void readme_keyTableIsTheKeyMap() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertTrue(readme.contains(KeyMap.markdownTable()), "README's key table must be:\n" + KeyMap.markdownTable());
    }

    private static int[] find(ScreenHarness h, String text) {
        for (int r = 0; r < h.terminal.getTerminalSize().getRows(); r++) {
            String row = h.row(r);
            int c = row.indexOf(text);
            if (c >= 0) {
                // row() skips the padding cell after a wide char; none precede the log text here
                return new int[] {c, r};
            }
        }
        throw new AssertionError("no '" + text + "' on screen:\n" + h.text());
    }

    @Test
    void oldest_afterTheRingDroppedLines_showsTheOldestLineHeld() throws Exception {
        // Regression: "oldest" was Long.MIN_VALUE, and MIN_VALUE - firstSeq overflowed once the ring had dropped
        // lines: Home / g showed an empty pane.
        try (ScreenHarness h = new ScreenHarness(
                80,
                12,
                new Settings(100, 30),
                ScreenHarness.shell("count", "i=1; while [ $i -le 150 ]; do echo line $i; i=$((i+1)); done; read x"))) {
            h.startAll();
            h.awaitText("line 150");
            LogBuffer log = h.supervisor.find("count").orElseThrow().log();
            assertTrue(log.firstSeq() > 0, "the ring dropped lines");
            String oldest = log.readFrom(log.firstSeq(), 1).lines().get(0).text();
            h.press('g');
            assertTrue(h.row(1).contains(oldest), "g shows the oldest line held, " + oldest + ":\n" + h.text());
            h.press(KeyType.Home);
            assertTrue(h.row(1).contains(oldest), h.text());
            h.press('G');
            h.awaitText("following");
        }
    }

    @Test
    void oldest_inTheAllView_afterTheRingsDroppedLines() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                80,
                12,
                new Settings(100, 30),
                ScreenHarness.shell("one", "i=1; while [ $i -le 150 ]; do echo one $i; i=$((i+1)); done; read x"),
                ScreenHarness.shell("two", "sleep 300"))) {
            h.startAll();
            h.awaitText("one 150");
            LogBuffer log = h.supervisor.find("one").orElseThrow().log();
            String oldest = log.readFrom(log.firstSeq(), 1).lines().get(0).text();
            h.press('g');
            assertTrue(h.text().contains(oldest), "the oldest line of any process, " + oldest + ":\n" + h.text());
        }
    }

    @Test
    void search_runsOffTheRenderThread_showsSearchingAndEscCancels() throws Exception {
        ExecutorService searches = Executors.newSingleThreadExecutor();
        CountDownLatch hold = new CountDownLatch(1);
        searches.submit(() -> {
            hold.await(); // the worker is busy: the next search waits behind this, however fast it would be
            return null;
        });
        try (ScreenHarness h = new ScreenHarness(
                80,
                12,
                new ProjectConfig(
                        ScreenHarness.TMP,
                        Origin.HUM_FILE,
                        List.of(
                                ScreenHarness.shell("web", "echo needle; sleep 300"),
                                ScreenHarness.shell("api", "sleep 300")),
                        new Settings(1000, 30)),
                "test",
                searches)) {
            h.startAll();
            h.awaitText("│ needle");
            h.dashboard.handle(new KeyStroke('/', false, false));
            h.type("needle");
            h.dashboard.handle(new KeyStroke(KeyType.Enter));
            h.frame();
            assertTrue(h.text().contains("searching… (Esc to cancel)"), h.text());
            h.dashboard.handle(new KeyStroke('w', false, false)); // keys still work while the search runs
            h.frame();
            assertTrue(h.text().contains("long lines are cut"), "w was handled:\n" + h.text());
            assertTrue(h.text().contains("searching…"), h.text());
            h.dashboard.handle(new KeyStroke(KeyType.Escape));
            h.frame();
            assertFalse(h.text().contains("searching…"), h.text());
            assertTrue(h.text().contains("search cancelled"), h.text());
            hold.countDown();
            h.press('/');
            h.type("needle");
            h.press(KeyType.Enter);
            assertTrue(h.text().contains("/needle (n older, N newer)"), "a new search runs once free:\n" + h.text());
        } finally {
            hold.countDown();
            searches.shutdownNow();
        }
    }
}
