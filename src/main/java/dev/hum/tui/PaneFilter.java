package dev.hum.tui;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogSearch;
import dev.hum.process.Supervised;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import org.jspecify.annotations.Nullable;

/**
 * The log pane's filter ({@code f}): shows only the lines that match, over the scrollback and then live, and on Esc
 * puts the pane back where it was. Render thread only; the scan itself runs on the search worker ({@link
 * FilterScan}).
 */
final class PaneFilter {

    private final ExecutorService worker;

    /** The filter on now, or null. */
    private @Nullable Running running;

    private long drawnChanges = -1;

    /** A filter on: what it looks for, its scan and feed, and the view to return to. */
    private record Running(String query, LogSearch search, FilterScan scan, FilteredFeed feed, LogPane.View before) {}

    /** @param worker the search worker, which runs the scans' steps between the pane's searches */
    PaneFilter(ExecutorService worker) {
        this.worker = worker;
    }

    /**
     * What {@code text} asks for: RE2 when written {@code /regex/}, otherwise the text ignoring case, as {@code /}
     * searches.
     *
     * @throws IllegalArgumentException for a regex that RE2 does not take, with what is wrong
     */
    static LogSearch parse(String text) {
        if (text.length() >= 2 && text.startsWith("/") && text.endsWith("/")) {
            return LogSearch.regex(text.substring(1, text.length() - 1));
        }
        return LogSearch.plain(text);
    }

    boolean on() {
        return running != null;
    }

    /** Whether the scrollback is still being scanned. */
    boolean scanning() {
        Running r = running;
        return r != null && r.scan().scanningScrollback();
    }

    /**
     * Filters the pane's view of {@code processes} (one, or all of them) by {@code text}; an empty text ends the
     * filter. A filter already on is replaced; the view to return to stays the one before the first.
     *
     * @return what to tell the user when the text is no valid filter
     */
    Optional<String> start(String text, List<Supervised> processes, LogPane pane) {
        if (text.isEmpty()) {
            stop(pane);
            return Optional.empty();
        }
        LogSearch search;
        try {
            search = parse(text);
        } catch (IllegalArgumentException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
        LogPane.View before = running != null ? running.before() : pane.view();
        run(text, search, processes, pane, before);
        return Optional.empty();
    }

    /**
     * Another process was selected: the filter carries over and runs on its lines (the user asked to see those lines
     * wherever they look), and Esc returns to that process's tail, where selecting it put the pane.
     */
    void reselect(List<Supervised> processes, LogPane pane) {
        Running r = running;
        if (r != null) {
            r.scan().cancel();
            run(r.query(), r.search(), processes, pane, pane.view());
        }
    }

    /** Ends the filter (Esc): cancels its scan and puts the pane back where it was. */
    void stop(LogPane pane) {
        Running r = running;
        if (r != null) {
            r.scan().cancel();
            running = null;
            pane.restore(r.before());
        }
    }

    /** Each frame: lets the scan catch up with new lines; true when it found something not yet drawn. */
    boolean needsFrame() {
        Running r = running;
        if (r == null) {
            return false;
        }
        r.scan().poke();
        return r.scan().changes() != drawnChanges;
    }

    /** The frame about to be drawn shows the matches as they are now; the scan catches up for the next one. */
    void drawn() {
        Running r = running;
        drawnChanges = r == null ? -1 : r.scan().changes();
        if (r != null) {
            r.scan().poke();
        }
    }

    /**
     * For the pane's title: "filter: error · 312 of 100,000 lines", or "filtering: …" with the count so far while the
     * scrollback is scanned (the title's right part then says Esc cancels).
     */
    String title() {
        Running r = running;
        if (r == null) {
            return "";
        }
        String counts = String.format(
                Locale.ROOT, "%,d of %,d lines", r.feed().matched(), r.feed().held());
        if (!r.scan().failure().isEmpty()) {
            return "filter: " + r.query() + " · stopped: " + r.scan().failure();
        }
        return r.scan().scanningScrollback()
                ? "filtering: " + r.query() + " · " + counts + "…"
                : "filter: " + r.query() + " · " + counts;
    }

    private void run(String text, LogSearch search, List<Supervised> processes, LogPane pane, LogPane.View before) {
        List<LogBuffer> logs = processes.stream().map(Supervised::log).toList();
        int[] ids = processes.stream().mapToInt(Supervised::id).toArray();
        if (running != null) {
            running.scan().cancel();
        }
        FilterScan scan = new FilterScan(search, logs, worker);
        FilteredFeed feed = new FilteredFeed(logs, ids, scan);
        running = new Running(text, search, scan, feed, before);
        pane.show(feed, before.nameColumn());
        scan.start();
    }
}
