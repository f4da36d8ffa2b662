package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The list's CPU and MEM columns: a real busy tree's figures from the sampler, and their giving way when narrow. */
final class ResourceColumnsTest {

    private static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d)?)%");

    /** The list's part of row {@code r}: what is left of the separator. */
    private static String listPart(ScreenHarness h, int r) {
        String text = h.row(r);
        int bar = text.indexOf('│');
        return bar < 0 ? text : text.substring(0, bar);
    }

    /** The list's row of process {@code name}. */
    private static String rowOf(ScreenHarness h, String name) {
        for (int r = 1; r < h.terminal.getTerminalSize().getRows(); r++) {
            String row = listPart(h, r);
            if (row.length() > 2 && row.substring(2).startsWith(name + " ")) {
                return row;
            }
        }
        return "";
    }

    /** The cell of column {@code header} in {@code row}, cut where the header's column starts and ends. */
    private static String cell(ScreenHarness h, String row, String header, int width) {
        int at = listPart(h, 0).indexOf(header);
        assertTrue(at > 0, "no " + header + " column:\n" + h.text());
        return row.substring(at, Math.min(row.length(), at + width)).strip();
    }

    @Test
    void columns_showABusyTreesCpuAndMemoryAndADashWhenNotRunning() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                140,
                24,
                // "; exit 0" keeps the shell as the leader: the busy loop is its child, so the tree's sum counts
                ScreenHarness.shell("busy", "sh -c 'while :; do :; done'; exit 0"),
                ScreenHarness.shell("idle", "sleep 300"),
                ScreenHarness.shell("later", "sleep 300", false))) {
            h.startAll();
            h.await(
                    () -> {
                        frame(h);
                        Matcher m = PERCENT.matcher(cell(h, rowOf(h, "busy"), "CPU", 5));
                        return m.matches() && Double.parseDouble(m.group(1)) > 0;
                    },
                    "the busy tree's CPU above zero");
            String header = listPart(h, 0);
            assertTrue(header.contains("PID") && header.contains("UPTIME") && header.contains("↻"), h.text());
            assertTrue(header.indexOf("CPU") < header.indexOf("MEM"), header);
            assertTrue(cell(h, rowOf(h, "busy"), "MEM", 5).matches("\\d+[KM]"), h.text());
            h.await(
                    () -> {
                        frame(h);
                        return cell(h, rowOf(h, "idle"), "MEM", 5).matches("\\d+[KM]");
                    },
                    "the idle process's memory");
            assertEquals("-", cell(h, rowOf(h, "later"), "CPU", 5), h.text());
            assertEquals("-", cell(h, rowOf(h, "later"), "MEM", 5), h.text());

            h.supervisor.stop("busy").join();
            h.await(
                    () -> {
                        frame(h);
                        return cell(h, rowOf(h, "busy"), "CPU", 5).equals("-")
                                && cell(h, rowOf(h, "busy"), "MEM", 5).equals("-");
                    },
                    "a dash once stopped");
        }
    }

    @Test
    void columns_giveWayAfterUptimeAndPidAsTheTerminalNarrows() throws Exception {
        // widths where the list (two fifths of the screen) holds every column, all but the uptime, CPU and MEM and
        // the restarts only, and the restarts only
        record Expect(int columns, List<String> shown, List<String> gone) {}
        List<Expect> cases = List.of(
                new Expect(140, List.of("PID", "CPU", "MEM", "UPTIME"), List.of()),
                new Expect(120, List.of("PID", "CPU", "MEM"), List.of("UPTIME")),
                new Expect(100, List.of("CPU", "MEM"), List.of("PID", "UPTIME")),
                new Expect(80, List.of(), List.of("CPU", "MEM", "PID", "UPTIME")));
        for (Expect e : cases) {
            try (ScreenHarness h = new ScreenHarness(e.columns(), 24, ScreenHarness.shell("web", "sleep 300"))) {
                h.startAll();
                h.awaitText("RUNNING");
                String header = listPart(h, 0);
                for (String column : e.shown()) {
                    assertTrue(header.contains(column), e.columns() + " columns show " + column + ":\n" + h.text());
                }
                for (String column : e.gone()) {
                    assertFalse(
                            header.contains(column), e.columns() + " columns leave out " + column + ":\n" + h.text());
                }
                assertTrue(header.contains("STATUS"), h.text());
            }
        }
    }

    private static void frame(ScreenHarness h) {
        try {
            h.frame();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
