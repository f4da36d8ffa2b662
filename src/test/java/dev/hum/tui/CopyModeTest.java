package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Copy mode on the virtual terminal: v, the keys that extend, y, Esc, a mouse drag, and m. */
final class CopyModeTest {

    /** Thirty numbered lines, the last one red: the copy must carry none of its escapes. */
    private static final String THIRTY_LINES =
            "for i in $(seq 1 29); do echo \"line $i\"; done; printf '\\033[31mre%s\\033[0m\\n' 'd line'; sleep 300";

    @Test
    void copy_vThenKExtendsAndYSendsThePlainLinesAsOsc52() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 20, ScreenHarness.shell("web", THIRTY_LINES))) {
            h.startAll();
            h.awaitText("red line");
            h.press('v'); // on the bottom line while tailing: "red line"
            assertTrue(h.text().contains("y or Enter copies"), h.text());
            h.press('k');
            h.press(KeyType.ArrowUp);
            int red = rowOf(h, "red line");
            assertEquals(Theme.SELECTION_BG, h.cell(80, red).getBackgroundColor(), "the selection is highlighted");
            assertEquals(Theme.SELECTION_BG, h.cell(80, rowOf(h, "line 28")).getBackgroundColor());
            assertEquals(Theme.BG, h.cell(80, rowOf(h, "line 27")).getBackgroundColor(), "line 27 is not selected");
            h.press('y');
            h.awaitText("copied 3 lines (24 B) to the clipboard: OSC 52");
            assertEquals(List.of("line 28\nline 29\nred line"), copies(h));
            assertNotSelecting(h);
        }
    }

    @Test
    void copy_enterCopiesAndPageHomeAndEndMoveTheEnd() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 12, ScreenHarness.shell("web", THIRTY_LINES))) {
            h.startAll();
            h.awaitText("red line");
            h.press('v');
            h.press(KeyType.Home); // the oldest line: hum's start notice, then line 1
            assertTrue(h.text().contains("line 1\n") || h.text().contains("line 1 "), h.text());
            h.press(KeyType.End); // back to the newest: the selection is the one line again
            h.press(KeyType.PageUp);
            h.press(KeyType.PageDown);
            h.press('k');
            h.press(KeyType.Enter);
            h.awaitText("copied 2 lines");
            assertEquals(List.of("line 29\nred line"), copies(h));
        }
    }

    @Test
    void copy_whileFiltered_copiesOnlyTheLinesTheFilterShows() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 20, ScreenHarness.shell("web", THIRTY_LINES))) {
            h.startAll();
            h.awaitText("red line");
            h.press('f');
            h.type("line 2");
            h.press(KeyType.Enter);
            h.awaitText("filter: line 2 · 11 of ");
            h.press('v'); // the newest match, "line 29"
            h.press('k');
            h.press('k');
            h.press('y');
            h.awaitText("copied 3 lines");
            assertEquals(List.of("line 27\nline 28\nline 29"), copies(h));
        }
    }

    @Test
    void filter_startedWhileSelecting_endsTheSelection() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 20, ScreenHarness.shell("web", THIRTY_LINES))) {
            h.startAll();
            h.awaitText("red line");
            h.press('v');
            h.press('k');
            h.press('f');
            h.type("line 2");
            h.press(KeyType.Enter);
            h.awaitText("filter: line 2 · 11 of ");
            h.press('y');
            h.awaitText("select lines first");
            assertEquals(List.of(), copies(h));
        }
    }

    @Test
    void copy_inTheAllViewPrefixesEachLineWithItsName() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100,
                16,
                ScreenHarness.shell("a", "w=alpha; echo $w-line; sleep 300"),
                ScreenHarness.shell("bb", "w=beta; echo $w-line; sleep 300"))) {
            h.startAll();
            h.awaitText("alpha-line");
            h.awaitText("beta-line");
            h.press('v');
            h.press('g'); // Home: every line from the oldest
            h.press('y');
            h.awaitText("copied ");
            List<String> copies = copies(h);
            assertEquals(1, copies.size(), copies.toString());
            List<String> lines = List.of(copies.get(0).split("\n"));
            assertTrue(lines.contains("a  | alpha-line"), lines.toString());
            assertTrue(lines.contains("bb | beta-line"), lines.toString());
            for (String line : lines) {
                assertTrue(line.startsWith("a  | ") || line.startsWith("bb | "), "a line without its name: " + line);
            }
        }
    }

    @Test
    void copy_overOsc52sLimitIsCutAtWholeLinesWithAMessage() throws Exception {
        // 2,000 lines of 100 bytes: 200 KB, more than OSC 52's 75,000 bytes of text.
        String script = "seq -f '%04g " + "x".repeat(95) + "' 1 2000; sleep 300";
        try (ScreenHarness h = new ScreenHarness(140, 16, ScreenHarness.shell("big", script))) {
            h.startAll();
            h.awaitText("2000 xxx");
            h.press('v');
            h.press(KeyType.Home);
            h.press('y');
            h.awaitText("copied ");
            List<String> copies = copies(h);
            assertEquals(1, copies.size());
            String text = copies.get(0);
            assertTrue(text.getBytes(StandardCharsets.UTF_8).length <= Clipboard.OSC52_MAX_TEXT, "" + text.length());
            String[] lines = text.split("\n");
            assertTrue(lines[lines.length - 1].endsWith("x".repeat(95)), "a whole line at the end");
            int sequence = h.terminal.sent().length;
            assertTrue(sequence <= Clipboard.OSC52_MAX_SEQUENCE, sequence + " bytes sent");
            h.awaitText("copied the first " + String.format("%,d", lines.length) + " lines");
            h.awaitText("limit of 100,000 bytes (hterm's)");
        }
    }

    @Test
    void esc_leavesSelectionModeAndTheKeysDoTheirUsualJobAgain() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100,
                14,
                ScreenHarness.shell("a", "w=alpha; echo $w-line; sleep 300"),
                ScreenHarness.shell("b", "sleep 300"))) {
            h.startAll();
            h.awaitText("alpha-line");
            h.press('v');
            h.press('j'); // moves the selection's end, not the process selection
            assertTrue(h.row(0).contains("all processes"), h.row(0));
            assertTrue(h.text().contains("y or Enter copies"), h.text());
            h.press(KeyType.Escape);
            assertNotSelecting(h);
            h.press('j');
            assertTrue(h.row(0).contains("a · RUNNING"), "j selects a process again:\n" + h.text());
            assertEquals(0, h.terminal.sent().length, "Esc copies nothing");
            h.press('y');
            h.awaitText("select lines first");
        }
    }

    @Test
    void mouse_dragInTheLogSelectsTheLinesBetween() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 20, ScreenHarness.shell("web", THIRTY_LINES))) {
            h.startAll();
            h.awaitText("red line");
            int from = rowOf(h, "line 20");
            int to = rowOf(h, "line 22");
            mouse(h, MouseActionType.CLICK_DOWN, 80, from);
            assertNotSelecting(h); // a click alone selects nothing
            mouse(h, MouseActionType.DRAG, 80, from + 1);
            mouse(h, MouseActionType.DRAG, 80, to);
            mouse(h, MouseActionType.CLICK_RELEASE, 80, to);
            assertEquals(Theme.SELECTION_BG, h.cell(80, rowOf(h, "line 21")).getBackgroundColor());
            h.press('y');
            h.awaitText("copied 3 lines");
            assertEquals(List.of("line 20\nline 21\nline 22"), copies(h));
        }
    }

    @Test
    void mouseKey_handsTheMouseToTheTerminalAndTakesItBack() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 12, ScreenHarness.shell("web", THIRTY_LINES))) {
            h.startAll();
            h.awaitText("red line");
            h.press('m');
            assertEquals(Optional.of(false), h.terminal.mouseCaptured());
            h.awaitText("mouse: the terminal's");
            mouse(h, MouseActionType.SCROLL_UP, 80, 5);
            assertFalse(h.row(0).contains("paused"), "the wheel is the terminal's now:\n" + h.text());
            mouse(h, MouseActionType.CLICK_DOWN, 80, 4);
            mouse(h, MouseActionType.DRAG, 80, 6);
            assertNotSelecting(h);

            h.press('m');
            assertEquals(Optional.of(true), h.terminal.mouseCaptured());
            h.awaitText("mouse: hum's");
            mouse(h, MouseActionType.SCROLL_UP, 80, 5);
            assertTrue(h.row(0).contains("paused"), "the wheel scrolls the log again:\n" + h.text());
        }
    }

    private static void mouse(ScreenHarness h, MouseActionType type, int column, int row) throws Exception {
        h.dashboard.handle(new MouseAction(type, 1, new TerminalPosition(column, row)));
        h.frame();
    }

    private static void assertNotSelecting(ScreenHarness h) {
        assertFalse(h.text().contains("y or Enter copies"), h.text());
        for (int r = 1; r < h.terminal.getTerminalSize().getRows() - 1; r++) {
            assertFalse(Theme.SELECTION_BG.equals(h.cell(80, r).getBackgroundColor()), "row " + r + " is highlighted");
        }
    }

    private static int rowOf(ScreenHarness h, String text) {
        for (int r = 0; r < h.terminal.getTerminalSize().getRows(); r++) {
            if (h.row(r).contains(" " + text + " ")) {
                return r;
            }
        }
        throw new AssertionError("'" + text + "' is not on screen:\n" + h.text());
    }

    /** The texts of the OSC 52 sequences the terminal received, decoded. */
    static List<String> copies(ScreenHarness h) {
        String sent = new String(h.terminal.sent(), StandardCharsets.ISO_8859_1);
        List<String> texts = new ArrayList<>();
        String start = "\u001b]52;c;";
        for (int at = sent.indexOf(start); at >= 0; at = sent.indexOf(start, at + 1)) {
            int end = sent.indexOf('\u0007', at);
            assertTrue(end > 0, "an OSC 52 sequence without its BEL");
            byte[] text = Base64.getDecoder().decode(sent.substring(at + start.length(), end));
            texts.add(new String(text, StandardCharsets.UTF_8));
        }
        return texts;
    }
}
