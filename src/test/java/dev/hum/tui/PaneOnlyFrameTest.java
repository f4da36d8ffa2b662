package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import com.googlecode.lanterna.screen.Screen;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A frame whose only news is new lines in the log pane paints the pane alone (issue 14: the list and the status bar
 * cost most of a frame at 100 processes); anything else the list or the bar shows paints the whole screen.
 */
final class PaneOnlyFrameTest {

    /** A clock that moves only when the test says so: no second passes between frames by itself. */
    private static final class FixedClock implements Dashboard.Clock {
        final AtomicLong nanos = new AtomicLong(1_000_000_000_000L);

        @Override
        public Instant now() {
            return Instant.ofEpochSecond(0, nanos.get());
        }

        @Override
        public long nanoTime() {
            return nanos.get();
        }
    }

    /** A cell of the list (row 2: process a) that only a painted list overwrites. */
    private static final TextCharacter MARK = TextCharacter.fromCharacter('#')[0];

    private static void frame(Screen screen, Dashboard dashboard) throws IOException {
        dashboard.draw(screen);
        screen.refresh(Screen.RefreshType.DELTA);
    }

    private static void printLine(ScreenHarness h, String name, String text) {
        var log = h.supervisor.find(name).orElseThrow().log();
        log.appendNotice(text);
        long total = log.totalAppended();
        h.supervisor.registry().find(name).orElseThrow().update(s -> s.withLines(total));
    }

    @Test
    void draw_newLinesAlone_paintOnlyThePane_andAStatusChangePaintsTheList() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100, 12, ScreenHarness.shell("a", "true", false), ScreenHarness.shell("b", "sleep 30", false))) {
            FixedClock clock = new FixedClock();
            Dashboard dashboard = new Dashboard(h.supervisor, "test", clock);
            frame(h.screen, dashboard);
            h.screen.setCharacter(0, 2, MARK);

            printLine(h, "a", "first news");
            frame(h.screen, dashboard);
            assertTrue(h.text().contains("first news"), h.text());
            assertEquals(MARK, h.screen.getBackCharacter(0, 2), "the list was painted for a new line");

            h.supervisor.start("b").join();
            printLine(h, "a", "second news");
            frame(h.screen, dashboard);
            assertTrue(h.text().contains("second news"), h.text());
            assertTrue(h.row(3).contains("RUNNING"), "b's new status is in the list: " + h.row(3));
            assertEquals(
                    ' ', h.screen.getBackCharacter(0, 2).getCharacterString().charAt(0), "the list was painted");
        }
    }

    @Test
    void draw_aSecondLaterOrAKey_paintsTheWholeScreen() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100, 12, ScreenHarness.shell("a", "true", false), ScreenHarness.shell("b", "true", false))) {
            FixedClock clock = new FixedClock();
            Dashboard dashboard = new Dashboard(h.supervisor, "test", clock);
            frame(h.screen, dashboard);

            h.screen.setCharacter(0, 2, MARK);
            clock.nanos.addAndGet(1_000_000_000L); // uptimes move on: the list must be painted
            printLine(h, "a", "news");
            frame(h.screen, dashboard);
            assertEquals(
                    ' ', h.screen.getBackCharacter(0, 2).getCharacterString().charAt(0), "a second passed");

            h.screen.setCharacter(0, 2, MARK);
            dashboard.handle(new KeyStroke(KeyType.ArrowDown));
            frame(h.screen, dashboard);
            assertTrue(h.row(2).startsWith("▶ a"), "the key moved the selection: " + h.row(2));
        }
    }

    @Test
    void draw_paneOnlyFrames_leaveTheSameScreenAsWholeOnes() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                120, 16, ScreenHarness.shell("a", "true", false), ScreenHarness.shell("b", "true", false))) {
            FixedClock clock = new FixedClock();
            Dashboard dashboard = new Dashboard(h.supervisor, "test", clock);
            frame(h.screen, dashboard);
            for (int i = 0; i < 40; i++) {
                printLine(h, i % 3 == 0 ? "b" : "a", "line " + i + " " + "x".repeat(i * 7 % 150));
                frame(h.screen, dashboard);
            }
            String paneOnly = h.text();
            dashboard.invalidate();
            frame(h.screen, dashboard);
            assertEquals(h.text(), paneOnly);
            assertTrue(paneOnly.contains("line 39"), paneOnly);
        }
    }
}
