package dev.hum.headless;

import dev.hum.log.LogLine;
import dev.hum.log.MergedLog;
import dev.hum.log.Source;
import dev.hum.process.Supervised;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Copies new log lines of every process to an output stream as {@code name | line}. */
final class LinePrinter {

    /** Name colours, cycled by process position: bright, distinct, readable on dark and light. */
    private static final int[] NAME_COLOURS = {36, 33, 35, 32, 34, 91, 96, 93, 95, 92};

    private static final int BATCH = 4096;

    private final List<String> names;
    private final MergedLog.Cursor cursor;
    /** The names' column: the longest name started at launch; a longer one that prints later widens it. */
    private int width;

    private final boolean colour;
    private final PrintStream out;
    private final StyleWriter styles = new StyleWriter();

    /**
     * Prints the lines of {@code processes}; the names are padded to the longest of those {@code started}, not
     * of every process configured: twenty scripts listed in a package.json must not push two started ones' lines
     * to the right.
     */
    LinePrinter(
            List<Supervised> processes, List<Supervised> started, MergedLog merged, OutputStream out, boolean colour) {
        this.names = processes.stream().map(Supervised::name).toList();
        this.cursor = merged.followFromOldest();
        this.width = started.stream().mapToInt(p -> p.name().length()).max().orElse(0);
        this.colour = colour;
        this.out = new PrintStream(out, false, StandardCharsets.UTF_8);
    }

    /**
     * Prints every line that arrived since the last call, in arrival order across processes (lines still being
     * published wait for the next call, see {@link MergedLog}), and flushes once. Returns how many lines it
     * printed.
     */
    synchronized int drain() {
        MergedLog.Page page = cursor.next(BATCH);
        for (MergedLog.Gap gap : page.gaps()) {
            print(new Entry(gap.log(), null, gap.missed()));
        }
        for (MergedLog.Line line : page.lines()) {
            print(new Entry(line.log(), line.line(), 0));
        }
        out.flush();
        return page.gaps().size() + page.lines().size();
    }

    /** Whether a write failed: nobody reads the output any more ({@code hum --headless | head -2}). */
    boolean failed() {
        return out.checkError();
    }

    private void print(Entry e) {
        String name = names.get(e.process);
        width = Math.max(width, name.length());
        StringBuilder sb = new StringBuilder(name.length() + 64);
        if (colour) {
            sb.append("\033[")
                    .append(NAME_COLOURS[e.process % NAME_COLOURS.length])
                    .append('m');
        }
        sb.append(name).append(" ".repeat(width - name.length())).append(" |");
        if (colour) {
            sb.append("\033[0m");
        }
        sb.append(' ');
        if (e.line == null) {
            sb.append("hum: ").append(e.missed).append(" lines skipped: output came faster than it could be printed");
        } else if (colour && e.line.source() == Source.HUM) {
            sb.append("\033[2m").append(e.line.text()).append("\033[0m");
        } else if (colour) {
            styles.append(sb, e.line);
        } else {
            sb.append(e.line.text());
        }
        sb.append('\n');
        out.print(sb);
    }

    /** One line to print, or a gap of {@code missed} lines that the ring overwrote first. */
    private record Entry(int process, @Nullable LogLine line, long missed) {}
}
