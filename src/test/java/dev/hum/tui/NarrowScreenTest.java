package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import org.junit.jupiter.api.Test;

/** The dashboard at 80×24, the size a terminal opens with: the log keeps most of the width, every way out shows. */
final class NarrowScreenTest {

    private static final String LONG_LINE = "-the-log-pane-keeps-most-of-the-width-at-eighty-columns-end";

    @Test
    void layout_listColumnsGiveWayAndTheLogKeepsTheWidth() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                80,
                24,
                ScreenHarness.shell("web", "w=0123456789; echo $w" + LONG_LINE + "; sleep 300"),
                ScreenHarness.shell("api", "sleep 300"))) {
            h.startAll();
            h.awaitText("│ 0123456789-the-log"); // the line, not the start notice, which quotes the command
            String screen = h.text();
            String header = h.row(0);
            int bar = header.indexOf('│');
            assertTrue(bar > 0 && bar <= 32, "the list takes at most two fifths of 80 columns:\n" + screen);
            String list = header.substring(0, bar);
            assertTrue(list.contains("STATUS"), screen);
            assertFalse(list.contains("UPTIME"), "uptime gives way first:\n" + screen);
            assertFalse(list.contains("PID"), "then the pid:\n" + screen);
            assertTrue(
                    screen.contains("│ 0123456789-the-log-pane-keeps-most-of-the-"),
                    "40 columns and more of log text beside the names:\n" + screen);
            assertTrue(h.row(2).contains("RUNNING") || h.row(3).contains("RUNNING"), screen);
        }
    }

    @Test
    void layout_wideScreenKeepsEveryColumn() throws Exception {
        try (ScreenHarness h = new ScreenHarness(140, 24, ScreenHarness.shell("web", "sleep 300"))) {
            h.startAll();
            h.awaitText("RUNNING");
            String list = h.row(0).substring(0, h.row(0).indexOf('│'));
            assertTrue(
                    list.contains("PID")
                            && list.contains("CPU")
                            && list.contains("MEM")
                            && list.contains("UPTIME")
                            && list.contains("↻"),
                    h.text());
        }
    }

    @Test
    void keyBar_keepsHelpAndQuitAtTheEnd() throws Exception {
        for (int columns : new int[] {80, 60, 40}) {
            try (ScreenHarness h = new ScreenHarness(columns, 24, ScreenHarness.shell("web", "true", false))) {
                h.frame();
                String bar = h.row(23).stripTrailing();
                assertTrue(
                        bar.endsWith("? help  q quit") || bar.contains("? help  q quit  "), columns + ":\n" + h.text());
                assertTrue(
                        bar.contains("↑↓ select  s start"), "selecting and starting stay before the others:\n" + bar);
            }
        }
        try (ScreenHarness h = new ScreenHarness(80, 24, ScreenHarness.shell("web", "true", false))) {
            h.frame();
            assertTrue(h.row(23).contains("x stop"), h.row(23));
            assertTrue(h.row(23).contains("hum · test"), "the title fits at 80 columns:\n" + h.row(23));
        }
    }

    @Test
    void emptyPane_saysThatProcessesWaitForS() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                80, 24, ScreenHarness.shell("web", "true", false), ScreenHarness.shell("api", "true", false))) {
            h.frame();
            String pane = h.text();
            assertTrue(pane.contains("nothing printed yet — s starts all 2"), pane);
            assertTrue(pane.contains("? shows the keys"), "the hint wraps in the pane:\n" + pane);
            h.press('j');
            assertTrue(h.text().contains("web has not been started. It runs:"), h.text());
        }
    }

    @Test
    void paneHeader_cutsTheCommandBeforeTheSearch() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                80,
                24,
                ScreenHarness.shell(
                        "web", "echo ready; exec sleep 300 # a command far too long for the header of the pane"))) {
            h.startAll();
            h.awaitText("ready");
            h.press('/');
            h.type("zzz");
            h.press(KeyType.Enter);
            h.awaitText("/zzz");
            String header = h.row(0);
            String pane = header.substring(header.indexOf('│') + 1);
            assertTrue(pane.startsWith(" web · RUNNING"), "name and status stay:\n" + h.text());
            int search = pane.indexOf("/zzz");
            assertTrue(
                    pane.substring(0, search).endsWith("…  "),
                    "the command is cut with …, two cells before the search:\n" + pane);
        }
    }
}
