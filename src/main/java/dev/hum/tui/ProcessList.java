package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.hum.log.CellWidth;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;

/**
 * The process list on the left: an "all" entry, then one row per process with its status in words.
 * With more entries than rows it scrolls with the selection and says how many are above and below.
 * Owned by the render thread.
 */
final class ProcessList {

    /** Widest status word: "KILLED SIGTERM", "NOT STARTED". */
    static final int STATUS_WIDTH = 14;

    /**
     * Names are cut with an ellipsis past this many cells: a name may be 64 characters long, which
     * would leave no room for the status here or for the text in the all-processes view.
     */
    static final int MAX_NAME_WIDTH = 24;

    /** Narrowest name column: the width of the PROCESS header. */
    private static final int MIN_NAME_WIDTH = 7;

    /** Rows the list needs before it gives one to "↑ 3 more" or "↓ 12 more". */
    private static final int MIN_ROWS_FOR_MORE = 3;

    private static final EnumSet<SGR> BOLD = EnumSet.of(SGR.BOLD);

    /** The first entry shown; kept between frames, so the list moves only when the selection leaves it. */
    private int top;

    // Where the last frame put things, for clicks: entries [shownFrom, shownTo) from row firstRow.
    private int shownFrom;
    private int shownTo;
    private int firstRow = 1;
    private int entries;

    /** The width the list would like: marker, name, status, pid, uptime, restarts. */
    static int preferredWidth(int nameWidth) {
        return 2 + nameWidth + 1 + STATUS_WIDTH + 1 + 7 + 1 + 7 + 1 + 3;
    }

    /**
     * Paints the list into {@code width} x {@code height} cells. Entry 0 is "all" when {@code
     * withAll}; the selected entry is highlighted and always in view. {@code nameWidth} is the widest
     * name: longer names than the column has room for are cut.
     */
    void paint(
            Canvas canvas,
            int width,
            int height,
            List<ProcessState> states,
            boolean withAll,
            int selected,
            int nameWidth,
            Instant now) {
        canvas.fill(0, 0, width, height, Theme.BG);
        int names = nameColumn(nameWidth, width);
        canvas.text(0, 0, header(names), width, Theme.DIM, Theme.BG, Canvas.PLAIN);
        entries = states.size() + (withAll ? 1 : 0);
        scroll(selected, height - 1);
        int row = 1;
        if (shownFrom > 0) {
            canvas.text(0, row++, "  ↑ " + shownFrom + " more", width, Theme.DIM, Theme.BG, Canvas.PLAIN);
        }
        firstRow = row;
        for (int entry = shownFrom; entry < shownTo; entry++, row++) {
            if (withAll && entry == 0) {
                paintAll(canvas, row, width, states, selected == 0, names);
            } else {
                ProcessState s = states.get(withAll ? entry - 1 : entry);
                paintRow(canvas, row, width, s, entry == selected, names, now);
            }
        }
        if (shownTo < entries) {
            canvas.text(0, row, "  ↓ " + (entries - shownTo) + " more", width, Theme.DIM, Theme.BG, Canvas.PLAIN);
        }
    }

    /**
     * The entry drawn at screen row {@code row} in the last frame, if any. A "more" row stands for
     * the entry just past it, so a click there moves the list by one.
     */
    OptionalInt entryAt(int row) {
        if (shownFrom > 0 && row == firstRow - 1) {
            return OptionalInt.of(shownFrom - 1);
        }
        int entry = shownFrom + row - firstRow;
        boolean shown = entry < shownTo || (entry == shownTo && shownTo < entries);
        return row >= firstRow && shown ? OptionalInt.of(entry) : OptionalInt.empty();
    }

    /** Chooses the entries shown in {@code rows} rows: the selected one among them, no row left empty. */
    private void scroll(int selected, int rows) {
        top = Math.max(0, Math.min(top, selected));
        while (shownEnd(top, entries, rows) <= selected && top < selected) {
            top++;
        }
        while (top > 0 && shownEnd(top - 1, entries, rows) == entries) {
            top--; // the list got taller (a resize): fill it from above
        }
        shownFrom = top;
        shownTo = shownEnd(top, entries, rows);
    }

    /** The entry after the last one shown when the list starts at entry {@code from}. */
    private static int shownEnd(int from, int entries, int rows) {
        boolean more = rows >= MIN_ROWS_FOR_MORE;
        int slots = Math.max(0, more && from > 0 ? rows - 1 : rows);
        if (from + slots >= entries) {
            return entries;
        }
        return from + (more ? slots - 1 : slots); // the last row says how many more are below
    }

    private static int nameColumn(int nameWidth, int width) {
        int fits = width - 2 - 1 - STATUS_WIDTH; // the status word must stay in view
        return Math.max(MIN_NAME_WIDTH, Math.min(Math.min(nameWidth, MAX_NAME_WIDTH), fits));
    }

    private static void paintAll(
            Canvas canvas, int row, int width, List<ProcessState> states, boolean selected, int nameWidth) {
        long live = states.stream().filter(s -> s.status().isLive()).count();
        TextColor bg = selected ? Theme.SELECTED_BG : Theme.BG;
        canvas.fill(0, row, width, 1, bg);
        int c = canvas.text(0, row, selected ? "▶ " : "  ", width, Theme.SELECTED_FG, bg, BOLD);
        c = canvas.text(c, row, pad("all", nameWidth + 1), width - c, Theme.FG, bg, BOLD);
        canvas.text(c, row, live + " of " + states.size() + " running", width - c, Theme.DIM, bg, Canvas.PLAIN);
    }

    private static void paintRow(
            Canvas canvas, int row, int width, ProcessState s, boolean selected, int nameWidth, Instant now) {
        TextColor bg = selected ? Theme.SELECTED_BG : Theme.BG;
        canvas.fill(0, row, width, 1, bg);
        int c = canvas.text(0, row, selected ? "▶ " : "  ", width, Theme.SELECTED_FG, bg, BOLD);
        // On the selected row the highlight carries the name: a blue name would vanish on blue.
        TextColor nameColour = selected ? Theme.SELECTED_FG : Theme.nameColour(s.id());
        c = canvas.text(
                c,
                row,
                pad(cut(s.name(), nameWidth), nameWidth + 1),
                width - c,
                nameColour,
                bg,
                selected ? BOLD : Canvas.PLAIN);
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

    /** {@code text} in at most {@code width} cells: a longer one ends with "…" in its last cell. */
    static String cut(String text, int width) {
        if (CellWidth.of(text) <= width) {
            return text;
        }
        StringBuilder b = new StringBuilder();
        int cells = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int w = CellWidth.of(cp);
            if (cells + w > width - 1) {
                break;
            }
            b.appendCodePoint(cp);
            cells += w;
            i += Character.charCount(cp);
        }
        return width > 0 ? b.append('…').toString() : "";
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
            // a BACKOFF counts its seconds down
            if (s.status().isLive() || s.status() == Status.BACKOFF) {
                return true;
            }
        }
        return false;
    }
}
