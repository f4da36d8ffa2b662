package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.input.KeyType;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.state.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

/** K: a chooser in the status line sends the chosen signal to the selected process's group, and says so in its log. */
final class SignalKeyTest {

    /** Traps USR1 and says so; prints ready-2, which its command line (in the start notice) does not contain. */
    private static final String TRAPS_USR1 =
            "trap 'echo got-USR1' USR1; echo ready-$((1+1)); while :; do sleep 0.1; done";

    private static List<String> lines(ScreenHarness h, String name) {
        LogBuffer log = h.supervisor.find(name).orElseThrow().log();
        return log.readFrom(log.firstSeq(), 1000).lines().stream()
                .map(LogLine::text)
                .toList();
    }

    @Test
    void signalKey_digitSendsUsr1ToTheGroup_theChildSaysItGotIt() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 20, ScreenHarness.shell("app", TRAPS_USR1))) {
            h.startAll();
            h.awaitText("ready-2");
            long pid = h.supervisor.find("app").orElseThrow().state().pid();

            h.press('K');
            String bar = h.row(19);
            // Fits 80 columns whole.
            assertTrue(bar.contains(" signal app: 1 INT  2 HUP  3 USR1  4 USR2  5 KILL  ←→ Enter, Esc cancels"), bar);
            h.press('3');

            h.awaitText("│ got-USR1");
            String notice = "hum: sent SIGUSR1 to the group of pid " + pid;
            h.awaitText(notice);
            h.awaitText("app: " + notice.substring("hum: ".length())); // the status line says it too
            assertTrue(lines(h, "app").contains("got-USR1"), lines(h, "app")::toString);
            assertTrue(lines(h, "app").contains(notice), lines(h, "app")::toString);
            assertEquals(
                    Status.RUNNING,
                    h.supervisor.find("app").orElseThrow().state().status());
        }
    }

    @Test
    void signalKey_arrowsMoveTheChoice_enterSends_escCancels() throws Exception {
        try (ScreenHarness h = new ScreenHarness(120, 20, ScreenHarness.shell("app", TRAPS_USR1))) {
            h.startAll();
            h.awaitText("ready-2");

            h.press('K');
            h.press(KeyType.Escape);
            assertFalse(h.row(19).contains("signal app"), "Esc closes the chooser:\n" + h.text());
            h.press('x'); // after Esc a key is a key again, not a choice: x stops app
            h.await(() -> h.supervisor.find("app").orElseThrow().state().status() != Status.RUNNING, "x to stop app");
            assertTrue(lines(h, "app").stream().noneMatch(l -> l.contains("sent SIG")), "Esc sent nothing");

            h.supervisor.start("app").join();
            h.awaitText("RUNNING");
            h.press('K');
            for (int i = 0; i < 4; i++) {
                h.press(KeyType.ArrowRight); // INT, HUP, USR1, USR2, KILL
            }
            int[] kill = find(h, "5 KILL");
            assertTrue(h.cell(kill[0], kill[1]).getModifiers().contains(SGR.REVERSE), "the choice stands out");
            h.press(KeyType.Enter);
            h.awaitText("KILLED SIGKILL");
            assertTrue(lines(h, "app").stream().anyMatch(l -> l.startsWith("hum: sent SIGKILL to the group of pid")));
        }
    }

    @Test
    void signalKey_onTheAllViewAsksForOneProcess() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                120, 20, ScreenHarness.shell("a", TRAPS_USR1), ScreenHarness.shell("b", TRAPS_USR1))) {
            h.startAll();
            h.frame();
            h.press('K');
            h.awaitText("K signals one process: select it (↓) first");
            assertFalse(h.text().contains("1 INT  2 HUP"), h.text());
            h.press('3'); // no chooser open: a digit does nothing
            assertTrue(lines(h, "a").stream().noneMatch(l -> l.contains("sent SIG")), lines(h, "a")::toString);
            assertTrue(lines(h, "b").stream().noneMatch(l -> l.contains("sent SIG")), lines(h, "b")::toString);
        }
    }

    private static int[] find(ScreenHarness h, String text) {
        for (int r = 0; r < h.terminal.getTerminalSize().getRows(); r++) {
            int c = h.row(r).indexOf(text);
            if (c >= 0) {
                return new int[] {c, r};
            }
        }
        throw new AssertionError("'" + text + "' is not on screen:\n" + h.text());
    }
}
