package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
    void help_onAShortScreenSaysThatRowsAreLeftOut() throws Exception {
        try (ScreenHarness h = new ScreenHarness(80, 24, ScreenHarness.shell("web", "sleep 300", false))) {
            h.press('?');
            assertTrue(h.text().contains("more rows: a taller terminal shows them"), h.text());
        }
    }

    private static int titleRow(ScreenHarness h) {
        for (int r = 0; r < h.terminal.getTerminalSize().getRows(); r++) {
            if (h.row(r).contains("keys · any key closes")) {
                return r;
            }
        }
        throw new AssertionError("no help box:\n" + h.text());
    }
}
