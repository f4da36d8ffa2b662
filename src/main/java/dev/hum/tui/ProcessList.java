package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.hum.log.CellWidth;
import dev.hum.process.Sampled;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntFunction;

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

    /** Cells before the columns: marker, name and its gap, status and its gap. */
    private static int fixedWidth(int nameColumn) {
        return 2 + nameColumn + 1 + STATUS_WIDTH + 1;
    }

    /**
     * The list's width on a screen {@code screenWidth} cells wide whose widest name is {@code nameWidth}: every
     * column while that takes at most two fifths of the screen, else without the columns that give way first
     * ({@link ListColumn}), so that the log pane keeps most of the width. Name and status always stay, up to half
     * the screen.
     */
    static int widthFor(int nameWidth, int screenWidth) {
        int budget = Math.max(fixedWidth(MIN_NAME_WIDTH), screenWidth * 2 / 5);
        int name = Math.max(MIN_NAME_WIDTH, Math.min(nameWidth, MAX_NAME_WIDTH));
        int names = Math.max(MIN_NAME_WIDTH, Math.min(name, budget - fixedWidth(0)));
        int wanted = fixedWidth(names) + ListColumn.widthOf(ListColumn.within(budget - fixedWidth(names)));
        return Math.max(1, Math.min(wanted, screenWidth / 2));
    }

    /**
     * Paints the list into {@code width} x {@code height} cells. Entry 0 is "all" when {@code
     * withAll}; the selected entry is highlighted and always in view. {@code nameWidth} is the widest
     * name: longer names than the column has room for are cut. {@code sampleOf} gives a process's newest
     * sample by its id.
     */
    void paint(
            Canvas canvas,
            int width,
            int height,
            List<ProcessState> states,
            IntFunction<Sampled> sampleOf,
            boolean withAll,
            int selected,
            int nameWidth,
            Instant now) {
        canvas.fill(0, 0, width, height, Theme.BG);
        int names = nameColumn(nameWidth, width);
        List<ListColumn> columns = ListColumn.within(width - fixedWidth(names));
        canvas.text(0, 0, header(names, columns), width, Theme.DIM, Theme.BG, Canvas.PLAIN);
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
                paintRow(canvas, row, width, s, sampleOf.apply(s.id()), entry == selected, names, columns, now);
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
        int fits = width - fixedWidth(0); // the status word must stay in view
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
            Canvas canvas,
            int row,
            int width,
            ProcessState s,
            Sampled sample,
            boolean selected,
            int nameWidth,
            List<ListColumn> columns,
            Instant now) {
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
        for (ListColumn column : columns) {
            String value = pad(column.value(s, sample, now), column.width);
            c = canvas.text(c, row, value, width - c, column.colour(), bg, Canvas.PLAIN);
        }
    }

    private static String header(int nameWidth, List<ListColumn> columns) {
        StringBuilder b =
                new StringBuilder("  ").append(pad("PROCESS", nameWidth + 1)).append(pad("STATUS", STATUS_WIDTH + 1));
        for (ListColumn column : columns) {
            b.append(pad(column.header, column.width));
        }
        return b.toString();
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
