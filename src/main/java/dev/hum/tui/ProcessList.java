package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

/** The process list on the left: an "all" entry, then one row per process with its status in words. */
final class ProcessList {

    /** Widest status word: "KILLED SIGTERM", "NOT STARTED". */
    static final int STATUS_WIDTH = 14;

    private static final EnumSet<SGR> BOLD = EnumSet.of(SGR.BOLD);

    private ProcessList() {}

    /** The width the list would like: marker, name, status, pid, uptime, restarts. */
    static int preferredWidth(int nameWidth) {
        return 2 + nameWidth + 1 + STATUS_WIDTH + 1 + 7 + 1 + 7 + 1 + 3;
    }

    /**
     * Paints the list. Entry 0 is "all" when {@code withAll}; the selected entry is highlighted.
     */
    static void paint(
            Canvas canvas,
            int width,
            int height,
            List<ProcessState> states,
            boolean withAll,
            int selected,
            int nameWidth,
            Instant now) {
        canvas.fill(0, 0, width, height, Theme.BG);
        canvas.text(0, 0, header(nameWidth), width, Theme.DIM, Theme.BG, Canvas.PLAIN);
        int row = 1;
        int entry = 0;
        if (withAll) {
            long live = states.stream().filter(s -> s.status().isLive()).count();
            boolean isSelected = selected == 0;
            TextColor bg = isSelected ? Theme.SELECTED_BG : Theme.BG;
            canvas.fill(0, row, width, 1, bg);
            int c = canvas.text(0, row, isSelected ? "▶ " : "  ", width, Theme.SELECTED_FG, bg, BOLD);
            c = canvas.text(c, row, pad("all", nameWidth + 1), width - c, Theme.FG, bg, BOLD);
            canvas.text(c, row, live + " of " + states.size() + " running", width - c, Theme.DIM, bg, Canvas.PLAIN);
            row++;
            entry++;
        }
        for (ProcessState s : states) {
            if (row >= height) {
                break;
            }
            paintRow(canvas, row, width, s, entry == selected, nameWidth, now);
            row++;
            entry++;
        }
    }

    private static void paintRow(
            Canvas canvas, int row, int width, ProcessState s, boolean selected, int nameWidth, Instant now) {
        TextColor bg = selected ? Theme.SELECTED_BG : Theme.BG;
        canvas.fill(0, row, width, 1, bg);
        int c = canvas.text(0, row, selected ? "▶ " : "  ", width, Theme.SELECTED_FG, bg, BOLD);
        // On the selected row the highlight carries the name: a blue name would vanish on blue.
        TextColor nameColour = selected ? Theme.SELECTED_FG : Theme.nameColour(s.id());
        c = canvas.text(
                c, row, pad(s.name(), nameWidth + 1), width - c, nameColour, bg, selected ? BOLD : Canvas.PLAIN);
        c = canvas.text(c, row, pad(s.statusWord(), STATUS_WIDTH + 1), width - c, Theme.statusColour(s), bg, BOLD);
        String pid = s.pid() > 0 ? Long.toString(s.pid()) : "-";
        c = canvas.text(c, row, pad(pid, 8), width - c, Theme.FG, bg, Canvas.PLAIN);
        String up = s.run() == 0 ? "-" : uptime(s.uptime(now));
        c = canvas.text(c, row, pad(up, 8), width - c, Theme.FG, bg, Canvas.PLAIN);
        String restarts = s.restarts() > 0 ? "↻" + s.restarts() : "";
        canvas.text(c, row, restarts, width - c, Theme.DIM, bg, Canvas.PLAIN);
    }

    private static String header(int nameWidth) {
        return "  " + pad("PROCESS", nameWidth + 1) + pad("STATUS", STATUS_WIDTH + 1) + pad("PID", 8) + pad("UPTIME", 8)
                + "↻";
    }

    /** Uptime the way people read it: 45s, 12m03s, 3h04m, 2d03h. */
    static String uptime(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        if (s < 86_400) {
            return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
        }
        return String.format("%dd%02dh", s / 86_400, (s % 86_400) / 3600);
    }

    static String pad(String text, int width) {
        int w = Canvas.width(text);
        return w >= width ? text + " " : text + " ".repeat(width - w);
    }

    /**
     * True when the list (or the pane's header) would show something else for {@code now} than for
     * {@code drawn}: a status, pid, run, restart count or exit. A changed line count alone is not.
     */
    static boolean differs(List<ProcessState> now, List<ProcessState> drawn) {
        if (now.size() != drawn.size()) {
            return true;
        }
        for (int i = 0; i < now.size(); i++) {
            ProcessState a = now.get(i);
            ProcessState b = drawn.get(i);
            if (a.status() != b.status()
                    || a.pid() != b.pid()
                    || a.run() != b.run()
                    || a.restarts() != b.restarts()
                    || !a.exit().equals(b.exit())) {
                return true;
            }
        }
        return false;
    }

    /** True when some process shows a clock that moves (uptime), so an idle frame still changes. */
    static boolean anyLive(List<ProcessState> states) {
        for (ProcessState s : states) {
            if (s.status() != Status.NOT_STARTED && s.status().isLive()) {
                return true;
            }
        }
        return false;
    }
}
