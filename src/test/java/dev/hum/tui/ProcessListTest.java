package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import dev.hum.config.ProcessSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The process list with more processes than rows, and with names longer than its columns. */
final class ProcessListTest {

    private static ProcessSpec[] idle(int count) {
        List<ProcessSpec> specs = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            specs.add(ScreenHarness.shell(String.format("p%02d", i), "true", false));
        }
        return specs.toArray(new ProcessSpec[0]);
    }

    /** The list's part of a row: what is left of the separator. */
    private static String listPart(ScreenHarness h, int row) {
        String text = h.row(row);
        int bar = text.indexOf('│');
        return bar < 0 ? text : text.substring(0, bar);
    }

    @Test
    void list_scrollsWithTheSelectionAndSaysHowManyMore() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 20, idle(60))) {
            h.frame();
            // 19 rows above the status bar: the header, 17 entries ("all", p01..p16), "↓ 44 more"
            assertTrue(listPart(h, 1).startsWith("▶ all"), h.text());
            assertTrue(listPart(h, 17).startsWith("  p16 "), h.text());
            assertEquals(
                    "  ↓ 44 more",
                    listPart(h, 18).strip().isEmpty() ? "" : listPart(h, 18).stripTrailing());
            for (int i = 0; i < 30; i++) {
                h.press('j');
            }
            assertTrue(h.row(0).contains("p30 · NOT STARTED"), h.row(0));
            assertTrue(listPart(h, 17).startsWith("▶ p30 "), "the selection stays in view:\n" + h.text());
            assertEquals("  ↑ 15 more", listPart(h, 1).stripTrailing(), h.text());
            assertEquals("  ↓ 30 more", listPart(h, 18).stripTrailing(), h.text());
            for (int i = 0; i < 30; i++) {
                h.press('j');
            }
            assertTrue(listPart(h, 18).startsWith("▶ p60 "), "the last process, on the last row:\n" + h.text());
            assertEquals("  ↑ 44 more", listPart(h, 1).stripTrailing(), h.text());
            for (int i = 0; i < 60; i++) {
                h.press('k');
            }
            assertTrue(listPart(h, 1).startsWith("▶ all"), h.text());
            assertFalse(listPart(h, 1).contains("↑"), h.text());
        }
    }

    @Test
    void list_scrollsInATinyTerminal() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                20,
                5,
                ScreenHarness.shell("a", "true", false),
                ScreenHarness.shell("b", "true", false),
                ScreenHarness.shell("c", "true", false))) {
            h.frame();
            // four rows above the status bar: the header and three for "all", a, b, c
            assertTrue(listPart(h, 1).startsWith("▶ all"), h.text());
            assertTrue(listPart(h, 3).startsWith("  ↓ 2 more"), h.text());
            h.press('j');
            h.press('j');
            h.press('j');
            assertTrue(listPart(h, 3).startsWith("▶ c"), "c is in view:\n" + h.text());
            assertTrue(listPart(h, 2).startsWith("  b"), h.text());
            assertTrue(listPart(h, 1).startsWith("  ↑ 2 more"), h.text());
        }
    }

    @Test
    void mouse_clickOnMoreMovesTheListByOne() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 8, idle(10))) {
            h.frame();
            assertTrue(listPart(h, 6).startsWith("  ↓ 6 more"), h.text());
            h.dashboard.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(3, 6)));
            h.frame();
            assertTrue(h.row(0).contains("p05 · "), h.text());
            assertTrue(listPart(h, 5).startsWith("▶ p05"), h.text());
            h.dashboard.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(3, 1)));
            h.frame();
            assertTrue(h.row(0).contains("p01 · "), "the ↑ row selects the entry above the list:\n" + h.text());
            h.dashboard.handle(new MouseAction(MouseActionType.CLICK_DOWN, 1, new TerminalPosition(3, 3)));
            h.frame();
            assertTrue(listPart(h, 3).startsWith("▶ "), h.text());
        }
    }

    @Test
    void longNames_areCutAndLeaveRoomForTheStatusAndTheText() throws Exception {
        String first = "a".repeat(64);
        String second = "b".repeat(64);
        try (ScreenHarness h = new ScreenHarness(
                120,
                10,
                ScreenHarness.shell(first, "w=hel; echo ${w}lo-from-a-long-name; sleep 300"),
                ScreenHarness.shell(second, "true", false))) {
            h.startAll();
            h.awaitText("hello-from-a-long-name");
            String screen = h.text();
            String row = listPart(h, 2);
            assertTrue(row.contains("RUNNING"), "the status is in view:\n" + screen);
            assertTrue(row.contains("a…"), "the name is cut with an ellipsis:\n" + screen);
            assertTrue(listPart(h, 3).contains("NOT STARTED"), screen);
            // the all view: each line's name is cut too, to 24 cells (a third of this pane would allow more)
            assertTrue(screen.contains("│" + "a".repeat(23) + "…│ hello-from-a-long-name"), screen);
        }
    }
}
