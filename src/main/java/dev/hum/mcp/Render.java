package dev.hum.mcp;

import dev.hum.control.LogEntry;
import dev.hum.control.LogPage;
import dev.hum.control.Matches;
import dev.hum.control.ProcessControl;
import dev.hum.control.ProcessInfo;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/** The text a model reads in a tool result: short, one fact per line, in the dashboard's words. */
final class Render {

    private Render() {}

    static String list(List<ProcessInfo> processes) {
        StringBuilder out = new StringBuilder();
        for (ProcessInfo p : processes) {
            out.append(p.name())
                    .append(": ")
                    .append(p.status())
                    .append(" — ")
                    .append(p.command())
                    .append(p.autostart() ? "" : " (not autostarted)");
            sampled(out, p);
            out.append('\n');
        }
        return out.length() == 0
                ? "no processes are configured"
                : out.toString().stripTrailing();
    }

    static String status(List<ProcessInfo> processes) {
        StringBuilder out = new StringBuilder();
        for (ProcessInfo p : processes) {
            out.append(p.name()).append(": ").append(p.status());
            if (p.pid() != 0) {
                out.append(", pid ").append(p.pid());
            }
            out.append(", uptime ").append(duration(Duration.ofMillis(p.uptimeMillis())));
            p.exitCode().ifPresent(c -> out.append(", exit code ").append(c));
            p.signal().ifPresent(s -> out.append(", signal ").append(s));
            out.append(", restarts ").append(p.restarts()).append(", lines ").append(p.lines());
            p.cpuPercent().ifPresent(cpu -> out.append(String.format(java.util.Locale.ROOT, ", cpu %.1f%%", cpu)));
            p.rssBytes()
                    .ifPresent(rss ->
                            out.append(", memory ").append(rss / (1024 * 1024)).append(" MiB"));
            ProcessInfo.Order order = p.order();
            if (order.ready()) {
                out.append(", ready");
            }
            if (!order.restartPolicy().equals("no")) {
                out.append(", restart ").append(order.restartPolicy());
            }
            order.nextRestartInSeconds()
                    .ifPresent(s -> out.append(", next restart in ").append(s).append('s'));
            if (!order.waitingFor().isEmpty()) {
                out.append(" (waiting for ")
                        .append(String.join(", ", order.waitingFor()))
                        .append(')');
            } else if (!order.blockedBy().isEmpty()) {
                out.append(" (blocked by ")
                        .append(String.join(", ", order.blockedBy()))
                        .append(')');
            } else if (!p.reason().isEmpty()) {
                out.append(" (").append(p.reason()).append(')');
            }
            sampled(out, p);
            if (!p.portConflict().isEmpty()) {
                out.append("\n  ").append(p.portConflict());
            }
            out.append('\n');
        }
        return out.length() == 0
                ? "no processes are configured"
                : out.toString().stripTrailing();
    }

    /** The ports and URLs, when there are any: {@code , ports :5173, urls http://localhost:5173/}. */
    private static void sampled(StringBuilder out, ProcessInfo p) {
        if (!p.ports().isEmpty()) {
            out.append(", ports");
            p.ports().forEach(port -> out.append(" :").append(port));
        }
        if (!p.urls().isEmpty()) {
            out.append(", urls ").append(String.join(" ", p.urls()));
        }
    }

    /** The page; {@code cursor} is the one the agent gave, quoted when the page had to reset it. */
    static String page(LogPage page, boolean oneProcess, OptionalLong cursor) {
        StringBuilder out = new StringBuilder();
        if (page.cursorReset()) {
            out.append("(cursor ")
                    .append(cursor.orElse(0))
                    .append(" is past the end of ")
                    .append(oneProcess ? "this log" : "these logs")
                    .append(
                            ": it is not from this hum, perhaps from an earlier one; reading from the oldest line held)\n");
        }
        if (page.missed() > 0) {
            out.append("(").append(page.missed()).append(" older lines were already dropped from the scrollback)\n");
        }
        // without a cursor the page is the newest lines, so the ones left out are older; with one, newer
        String within = "an answer holds at most " + kib(ProcessControl.MAX_ANSWER_BYTES) + " of text";
        page.leftOut().filter(l -> cursor.isEmpty()).ifPresent(l -> out.append("(")
                .append(l.lines())
                .append(" older lines left out: ")
                .append(within)
                .append("; pass cursor ")
                .append(l.cursor())
                .append(" to read them)\n"));
        lines(out, page.lines(), oneProcess);
        if (page.lines().isEmpty()) {
            out.append("(no new lines)\n");
        }
        page.leftOut().filter(l -> cursor.isPresent()).ifPresent(l -> out.append("truncated: ")
                .append(l.lines())
                .append(" more lines after cursor ")
                .append(l.cursor())
                .append(" (")
                .append(within)
                .append("; pass next_cursor to read on)\n"));
        out.append("next_cursor: ").append(page.nextCursor());
        return out.toString();
    }

    static String matches(Matches matches) {
        if (matches.found().isEmpty()) {
            return "no matching lines";
        }
        StringBuilder out = new StringBuilder();
        if (matches.leftOut() > 0) {
            out.append("(")
                    .append(matches.leftOut())
                    .append(" older matches left out: an answer holds at most ")
                    .append(kib(ProcessControl.MAX_ANSWER_BYTES))
                    .append(" of text; narrow the query or name a process to see them)\n");
        }
        lines(out, matches.found(), false);
        return out.toString().stripTrailing();
    }

    static String kib(int bytes) {
        return bytes / 1024 + " KiB";
    }

    static void lines(StringBuilder out, List<LogEntry> lines, boolean oneProcess) {
        for (LogEntry e : lines) {
            if (!oneProcess) {
                out.append(e.process()).append(' ');
            }
            out.append('#').append(e.seq());
            out.append(e.stream().equals("STDOUT") ? " | " : e.stream().equals("STDERR") ? " ! " : " * ");
            out.append(e.text()).append('\n');
        }
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return s / 60 + "m" + s % 60 + "s";
        }
        return s / 3600 + "h" + s % 3600 / 60 + "m";
    }
}
