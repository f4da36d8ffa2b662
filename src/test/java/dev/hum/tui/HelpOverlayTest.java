package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalPosition;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import org.junit.jupiter.api.Test;

/** The help box fits an 80-column terminal whole: its descriptions wrap instead of running off the edge. */
final class HelpOverlayTest {

    @Test
    void help_isAtMost80ColumnsWideOnAWideScreen() throws Exception {
        try (ScreenHarness h = new ScreenHarness(200, 60, ScreenHarness.shell("web", "sleep 300", false))) {
            h.press('?');
            int title = titleRow(h);
            int cells = 0;
            for (int c = 0; c < 200; c++) {
                if (Theme.BAR_BG.equals(h.cell(c, title).getBackgroundColor())) {
                    cells++;
                }
            }
            assertTrue(cells > 0 && cells <= HelpOverlay.MAX_WIDTH, cells + " columns wide:\n" + h.text());
        }
    }

    @Test
    void help_at80ColumnsShowsEveryDescriptionWhole() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 60, ScreenHarness.shell("web", "sleep 300", false))) {
            h.press('?');
            int title = titleRow(h);
            StringBuilder box = new StringBuilder();
            for (int r = title; r < 59; r++) {
                box.append(h.row(r)).append('\n');
            }
            String joined = box.toString().replaceAll("\\s+", " ");
            for (KeyMap.Binding b : KeyMap.BINDINGS) {
                assertTrue(joined.contains(b.keys() + " " + b.does()), "cut or missing: " + b.keys() + "\n" + box);
            }
            for (String row : box.toString().split("\n")) {
                assertTrue(!row.endsWith("…"), "a description was cut:\n" + box);
            }
        }
    }

    @Test
    void help_onAShortScreenScrollsToTheLastKeyAndAnyOtherKeyCloses() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 24, ScreenHarness.shell("web", "sleep 300", false))) {
            h.press('?');
            assertTrue(h.text().contains("↑↓ PgUp PgDn scroll · any other key closes"), h.text());
            KeyMap.Binding last = KeyMap.BINDINGS.get(KeyMap.BINDINGS.size() - 1);
            String whole = last.keys() + " " + last.does();
            assertTrue(!collapsed(h).contains(whole), "the last key fits without scrolling?\n" + h.text());
            for (int i = 0; i < 5 && !collapsed(h).contains(whole); i++) {
                h.press(KeyType.PageDown);
            }
            assertTrue(collapsed(h).contains(whole), h.text());
            h.press(KeyType.ArrowUp);
            assertTrue(h.text().contains("any other key closes"), "a scroll key keeps it open:\n" + h.text());
            h.dashboard.handle(new MouseAction(MouseActionType.SCROLL_UP, 4, new TerminalPosition(40, 10)));
            h.frame();
            assertTrue(h.text().contains("any other key closes"), "the wheel scrolls, it does not close:\n" + h.text());
            assertTrue(!collapsed(h).contains(whole), "the wheel scrolled up:\n" + h.text());
            h.press('s'); // closes the box, and starts nothing
            assertTrue(!h.text().contains("any other key closes"), h.text());
            assertTrue(h.text().contains("NOT STARTED"), h.text());
        }
    }

    private static String collapsed(ScreenHarness h) {
        return h.text().replaceAll("\\s+", " ");
    }

    private static int titleRow(ScreenHarness h) {
        for (int r = 0; r < h.terminal.getTerminalSize().getRows(); r++) {
            if (h.row(r).contains(" keys ") && h.row(r).contains("closes")) {
                return r;
            }
        }
        throw new AssertionError("no help box:\n" + h.text());
    }
}
