package dev.hum.tui;

import com.googlecode.lanterna.TextColor;
import dev.hum.process.Sampled;
import dev.hum.process.UsageText;
import dev.hum.state.ProcessState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;

/**
 * A column of the process list after the name and the status. As the terminal narrows, columns give way
 * (are left out) in the order of {@link #keep}, lowest first, so the log pane keeps most of the width; the
 * columns shown stay in declaration order. A new column is one more constant here. CPU and memory come from the
 * sampler's record, about a second old; they give way after the uptime and the pid, since what a process costs is
 * the question people leave the dashboard for {@code top} to answer.
 */
enum ListColumn {
    PID("PID", 8, 2) {
        @Override
        String value(ProcessState s, Sampled sample, Instant now) {
            return s.pid() > 0 ? Long.toString(s.pid()) : "-";
        }
    },
    CPU("CPU", UsageText.WIDTH + 1, 4) {
        @Override
        String value(ProcessState s, Sampled sample, Instant now) {
            return sample.measures(s) ? UsageText.cpu(sample.cpuPercent()) : "-";
        }
    },
    MEM("MEM", UsageText.WIDTH + 1, 3) {
        @Override
        String value(ProcessState s, Sampled sample, Instant now) {
            return sample.measures(s) ? UsageText.memory(sample.rssBytes()) : "-";
        }
    },
    UPTIME("UPTIME", 8, 1) {
        @Override
        String value(ProcessState s, Sampled sample, Instant now) {
            return s.run() == 0 ? "-" : ProcessList.uptime(s.uptime(now));
        }
    },
    RESTARTS("↻", 3, 5) {
        @Override
        String value(ProcessState s, Sampled sample, Instant now) {
            return s.restarts() > 0 ? "↻" + s.restarts() : "";
        }

        @Override
        TextColor colour() {
            return Theme.DIM;
        }
    };

    /** The header, as the list's first row shows it. */
    final String header;

    /** Cells the column takes, the gap after it included. */
    final int width;

    /** How long the column stays as the list narrows: the lowest gives way first. */
    final int keep;

    ListColumn(String header, int width, int keep) {
        this.header = header;
        this.width = width;
        this.keep = keep;
    }

    /** The cell's text for {@code s}, whose newest sample is {@code sample}. */
    abstract String value(ProcessState s, Sampled sample, Instant now);

    TextColor colour() {
        return Theme.FG;
    }

    /** The columns that fit in {@code cells}, in display order: those that give way first are left out first. */
    static List<ListColumn> within(int cells) {
        List<ListColumn> byKeep = new ArrayList<>(List.of(values()));
        byKeep.sort(Comparator.comparingInt(c -> c.keep));
        EnumSet<ListColumn> shown = EnumSet.allOf(ListColumn.class);
        for (ListColumn next : byKeep) {
            if (widthOf(shown) <= cells) {
                break;
            }
            shown.remove(next);
        }
        return widthOf(shown) <= cells ? List.copyOf(shown) : List.of();
    }

    static int widthOf(Iterable<ListColumn> columns) {
        int w = 0;
        for (ListColumn c : columns) {
            w += c.width;
        }
        return w;
    }
}
