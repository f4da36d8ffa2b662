package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The `t` key: each line's arrival time in a dim column before its text, in one process and in all. */
final class TimeGutterTest {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    @Test
    void format_matchesTheZonesClockAcrossOffsetsAndDaylightSaving() {
        long[] instants = {0, 999, 1_796_000_000_123L, 1_711_846_799_999L, 1_711_846_800_000L, -1};
        for (String zone : new String[] {"UTC", "Asia/Kolkata", "Europe/Berlin", "America/St_Johns"}) {
            TimeGutter gutter = new TimeGutter(ZoneId.of(zone));
            for (long t : instants) {
                String expected = CLOCK.format(Instant.ofEpochMilli(t).atZone(ZoneId.of(zone)));
                assertEquals(expected, gutter.format(t), zone + " at " + t);
            }
        }
    }

    @Test
    void t_showsEachLinesTimeInOneProcessAndInAll() throws Exception {
        String longLine = "x".repeat(150);
        try (ScreenHarness h = new ScreenHarness(
                120,
                16,
                ScreenHarness.shell("web", "echo first; echo " + longLine + "; echo last; sleep 300"),
                ScreenHarness.shell("db", "sleep 300", false))) {
            h.startAll();
            h.press('j'); // web alone
            LogBuffer log = h.supervisor.find("web").orElseThrow().log();
            // the line itself, not the start notice, which quotes the command
            h.await(() -> log.tail(100).lines().stream().anyMatch(l -> l.text().equals("last")), "the last line");
            h.frame();
            List<LogLine> lines = log.tail(100).lines();
            LogLine first = lines.stream()
                    .filter(l -> l.text().equals("first"))
                    .findFirst()
                    .orElseThrow();
            String time = new TimeGutter().format(first.time());
            assertTrue(!h.text().contains(time + " "), "no times before t:\n" + h.text());

            h.press('t');
            h.frame();
            int row = rowOf(h, "  first"); // not the start notice, which quotes the command
            String shown = h.row(row);
            int listEnd = shown.indexOf(time);
            assertTrue(listEnd > 0, "the time before the line:\n" + h.text());
            assertEquals(time + "  first", shown.substring(listEnd, listEnd + time.length() + 7), h.text());
            // the long line wraps within the text column: its second row starts below its text, not under the time
            int wrapped = row + 1;
            String second = h.row(wrapped + 1);
            int textColumn = listEnd + TimeGutter.WIDTH + LogPane.GUTTER;
            assertEquals(
                    " ".repeat(TimeGutter.WIDTH + LogPane.GUTTER), second.substring(listEnd, textColumn), h.text());
            assertEquals('x', second.charAt(textColumn), h.text());
            int paneWidth = 120 - listEnd;
            int onFirstRow = h.row(wrapped).substring(textColumn).trim().length();
            assertEquals(paneWidth - TimeGutter.WIDTH - LogPane.GUTTER, onFirstRow, h.text());
            assertEquals(onFirstRow, second.substring(textColumn).trim().length(), h.text());
            assertEquals(
                    150 - 2 * onFirstRow,
                    h.row(wrapped + 2).substring(textColumn).trim().length(),
                    h.text());
            assertTrue(h.cell(listEnd, row).getForegroundColor().equals(Theme.DIM), "the time is dim");

            h.press('k'); // all processes: the time, then the name and its bar
            h.frame();
            String all = h.row(rowOf(h, "│ first"));
            assertTrue(all.contains(time + " web"), h.text());

            h.press('t');
            h.frame();
            assertTrue(!h.text().contains(time), "t again hides them:\n" + h.text());
        }
    }

    private static int rowOf(ScreenHarness h, String text) {
        for (int r = 0; r < h.terminal.getTerminalSize().getRows(); r++) {
            if (h.row(r).contains(text)) {
                return r;
            }
        }
        throw new AssertionError("no row shows '" + text + "':\n" + h.text());
    }
}
