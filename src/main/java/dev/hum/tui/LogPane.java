package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextColor;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import dev.hum.log.Source;
import dev.hum.log.StyleRuns;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.LongPredicate;
import org.jspecify.annotations.Nullable;

/**
 * The log on the right: follows the tail of a feed, or stays where the user scrolled it while new
 * lines are counted; wraps or cuts long lines; highlights search matches. Owned by the render thread,
 * except the searches, which run on a worker so that a deep scrollback never holds up the screen.
 */
final class LogPane {

    /*
     * Searches: the render thread submits one scan at a time to `searches` and keeps its Future; each frame it
     * looks whether the scan finished (searchDone) and, if so, jumps to its match on the render thread. Keys n and
     * N pressed while a scan runs are counted and run one after another from each result, so nothing typed is
     * lost. Esc cancels the scan (Future.cancel interrupts the worker, which LogSearch checks between slices).
     */

    /** One screen row: a part of a line. */
    private record Row(FeedLine line, int from, int to, boolean first) {}

    @SuppressWarnings("NullAway.Init") // Dashboard calls show() in its constructor, before any other call
    private LogFeed feed;

    private boolean follow = true;
    private long anchorPosition;
    private int anchorRow;
    private long totalWhenPaused;
    private boolean wrap = true;
    private boolean times;
    private final TimeGutter timeGutter = new TimeGutter();

    private final ExecutorService searches;
    private @Nullable LogSearch search;
    private String query = "";
    private long currentMatch;
    private boolean hasCurrentMatch;
    private @Nullable Future<OptionalLong> scan;
    private Step scanStep = Step.FIRST;
    /** n (+1 each) and N (-1 each) pressed while a scan ran: the steps still to take. */
    private int queuedSteps;

    /** What a scan looks for, for the message when it finds nothing. */
    private enum Step {
        FIRST("no match for '%s'"),
        OLDER("no older match for '%s'"),
        NEWER("no newer match for '%s'");

        final String nothing;

        Step(String nothing) {
            this.nothing = nothing;
        }
    }

    /** @param searches the worker that runs every scan of this pane, one at a time */
    LogPane(ExecutorService searches) {
        this.searches = searches;
    }

    private int lastWidth = 80;
    private int lastHeight = 20;
    /** Columns before the text in one process's view: a gutter that marks stderr lines. */
    static final int GUTTER = 1;

    /** Cells for each line's process name in the all view; 0 in one process's view. */
    private int nameColumn;

    /** The screen row of the pane's first line at the last paint, to find the line under the mouse. */
    private int lastTop;
    /** The lines drawn highlighted: a copy selection ({@link CopyMode}). */
    private LongPredicate marked = position -> false;

    /**
     * Shows another feed, following its tail; the query carries over, a scan of the old feed is dropped.
     * {@code nameColumn} cells before each line hold its process's name (the all view), or 0 for none.
     */
    void show(LogFeed newFeed, int nameColumn) {
        cancelScan();
        this.feed = newFeed;
        this.nameColumn = nameColumn;
        this.follow = true;
        this.hasCurrentMatch = false;
    }

    /** Where the view is, to come back to it (after a filter): the feed, the name column, the tail or the anchor. */
    record View(
            LogFeed feed, int nameColumn, boolean follow, long anchorPosition, int anchorRow, long totalWhenPaused) {}

    View view() {
        return new View(feed, nameColumn, follow, anchorPosition, anchorRow, totalWhenPaused);
    }

    /** Shows {@code view}'s feed where the view was: on the tail, or paused at the same line, new lines counted. */
    void restore(View view) {
        show(view.feed(), view.nameColumn());
        follow = view.follow();
        anchorPosition = view.anchorPosition();
        anchorRow = view.anchorRow();
        totalWhenPaused = view.totalWhenPaused();
    }

    boolean following() {
        return follow;
    }

    LogFeed feed() {
        return feed;
    }

    /** The match that n and N step from, if a search found one. */
    OptionalLong currentMatch() {
        return hasCurrentMatch ? OptionalLong.of(currentMatch) : OptionalLong.empty();
    }

    /** Highlights the lines whose positions {@code selected} accepts. */
    void mark(LongPredicate selected) {
        marked = selected;
    }

    /** The lines in view now, top first (a wrapped line once per row it takes). */
    List<FeedLine> linesInView() {
        List<FeedLine> lines = new ArrayList<>();
        for (Row r : follow ? tailRows(lastHeight) : rowsFromAnchor(lastHeight)) {
            if (lines.isEmpty() || lines.get(lines.size() - 1) != r.line()) {
                lines.add(r.line());
            }
        }
        return lines;
    }

    /** The line drawn on screen row {@code row}, or the nearest one in view when the row is above or below them. */
    Optional<FeedLine> lineNearRow(int row) {
        List<Row> rows = follow ? tailRows(lastHeight) : rowsFromAnchor(lastHeight);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        int index = Math.max(0, Math.min(rows.size() - 1, row - lastTop));
        return Optional.of(rows.get(index).line());
    }

    /** Whether screen row {@code row} is above the pane (-1), in it (0) or below it (1), as last painted. */
    int side(int row) {
        return row < lastTop ? -1 : row >= lastTop + lastHeight ? 1 : 0;
    }

    /** Scrolls just enough that the line at {@code position} is in view; the view stays paused. */
    void reveal(long position) {
        if (feed == null) {
            return;
        }
        List<FeedLine> inView = linesInView();
        if (!inView.isEmpty()
                && position >= inView.get(0).position()
                && position <= inView.get(inView.size() - 1).position()) {
            if (follow) {
                scrollUp(0); // in view: only the tail stops moving under the selection
            }
            return;
        }
        if (inView.isEmpty() || position < inView.get(0).position()) {
            pauseAt(position, 0);
            return;
        }
        // Below the view: the line's last row goes to the bottom row.
        List<FeedLine> line = feed.from(position, 1);
        pauseAt(position, line.isEmpty() ? 0 : rowCount(line.get(0)) - 1);
        scrollUp(Math.max(0, lastHeight - 1));
    }

    boolean wraps() {
        return wrap;
    }

    void toggleWrap() {
        wrap = !wrap;
        anchorRow = 0;
    }

    /** Whether each line shows its arrival time (the `t` key); only where the pane is wide enough for it. */
    boolean showsTimes() {
        return times;
    }

    void toggleTimes() {
        times = !times;
        anchorRow = 0;
    }

    /** Lines that arrived since the view was paused. */
    long newLines() {
        return follow || feed == null ? 0 : feed.total() - totalWhenPaused;
    }

    String query() {
        return query;
    }

    void follow() {
        follow = true;
    }

    /** Goes to the oldest line held (after the ring dropped lines, the oldest one it still has). */
    void oldest() {
        if (feed != null) {
            pauseAt(feed.oldest(), 0);
        }
    }

    void pageUp() {
        scrollUp(Math.max(1, lastHeight - 1));
    }

    void pageDown() {
        scrollDown(Math.max(1, lastHeight - 1));
    }

    /** Moves the view up by {@code rows} rows, pausing the tail. */
    void scrollUp(int rows) {
        if (feed == null) {
            return;
        }
        if (follow) {
            List<Row> tail = tailRows(lastHeight);
            if (tail.isEmpty()) {
                return;
            }
            Row top = tail.get(0);
            pauseAt(top.line().position(), rowIndex(top));
        }
        int n = rows;
        if (anchorRow >= n) {
            anchorRow -= n;
            return;
        }
        n -= anchorRow;
        List<FeedLine> above = feed.before(anchorPosition, n);
        for (int i = above.size() - 1; i >= 0; i--) {
            int r = rowCount(above.get(i));
            if (r >= n) {
                anchorPosition = above.get(i).position();
                anchorRow = r - n;
                return;
            }
            n -= r;
        }
        if (!above.isEmpty()) {
            anchorPosition = above.get(0).position();
        }
        anchorRow = 0;
    }

    /** Moves the view down by {@code rows} rows; reaching the tail follows it again. */
    void scrollDown(int rows) {
        if (feed == null || follow) {
            return;
        }
        int remaining = anchorRow + rows;
        List<FeedLine> below = feed.from(anchorPosition, rows + lastHeight + 1);
        int index = 0;
        while (index < below.size() && remaining >= rowCount(below.get(index))) {
            remaining -= rowCount(below.get(index));
            index++;
        }
        if (index >= below.size()) {
            follow = true;
            return;
        }
        anchorPosition = below.get(index).position();
        anchorRow = remaining;
        int rowsToEnd = -anchorRow;
        for (int i = index; i < below.size(); i++) {
            rowsToEnd += rowCount(below.get(i));
        }
        if (rowsToEnd <= lastHeight && below.size() < rows + lastHeight + 1) {
            follow = true;
        }
    }

    /**
     * Starts a search on the worker: it jumps to the newest match at or above the bottom of the view once found
     * (see {@link #searchDone}). An empty text clears the search.
     */
    void search(String text) {
        cancelScan();
        query = text;
        hasCurrentMatch = false;
        if (text.isEmpty()) {
            clearSearch();
            return;
        }
        search = LogSearch.plain(text);
        long from = follow ? feed.end() : bottomPosition();
        startScan(Step.FIRST, from);
    }

    /** The next older match; false when there is no search to step through. */
    boolean nextMatch() {
        return step(1);
    }

    /** The next newer match; false when there is no search to step through. */
    boolean previousMatch() {
        return step(-1);
    }

    private boolean step(int direction) {
        if (search == null) {
            return false;
        }
        if (scan != null) {
            queuedSteps += direction;
            return true;
        }
        if (direction > 0) {
            startScan(Step.OLDER, hasCurrentMatch ? currentMatch - 1 : (follow ? feed.end() : bottomPosition()));
        } else {
            startScan(Step.NEWER, hasCurrentMatch ? currentMatch + 1 : anchorPosition);
        }
        return true;
    }

    private void startScan(Step step, long from) {
        LogFeed scanned = feed;
        LogSearch searching = Objects.requireNonNull(search, "a scan needs a search");
        scanStep = step;
        scan = searches.submit(() ->
                step == Step.NEWER ? scanned.findAtOrAfter(searching, from) : scanned.findAtOrBefore(searching, from));
    }

    /** Whether a scan is running: the header says so. */
    boolean scanning() {
        return scan != null;
    }

    /**
     * Takes the result of a finished scan, if there is one: jumps to its match, or returns what to tell the user
     * when it found nothing; then starts the next queued n or N. Render thread, once per frame.
     *
     * @return the message for the status line, when the scan found nothing
     */
    Optional<String> searchDone() {
        if (scan == null || !scan.isDone()) {
            return Optional.empty();
        }
        Future<OptionalLong> finished = scan;
        Step step = scanStep;
        scan = null;
        OptionalLong match;
        try {
            match = finished.get();
        } catch (CancellationException | InterruptedException e) {
            queuedSteps = 0;
            return Optional.empty();
        } catch (ExecutionException e) {
            queuedSteps = 0;
            return Optional.of("search failed: " + e.getCause());
        }
        if (match.isEmpty()) {
            queuedSteps = 0;
            return Optional.of(String.format(step.nothing, query));
        }
        jump(match.getAsLong());
        if (queuedSteps != 0) {
            int direction = Integer.signum(queuedSteps);
            queuedSteps -= direction;
            step(direction);
        }
        return Optional.empty();
    }

    /** Whether {@link #searchDone} has something to take: the frame must be drawn. */
    boolean scanFinished() {
        return scan != null && scan.isDone();
    }

    boolean searching() {
        return search != null;
    }

    /** Esc: cancels a running scan; a second Esc (or one with nothing running) clears the search. */
    void clearSearch() {
        if (scan != null) {
            cancelScan();
            return;
        }
        search = null;
        query = "";
        hasCurrentMatch = false;
    }

    private void cancelScan() {
        if (scan != null) {
            scan.cancel(true);
            scan = null;
        }
        queuedSteps = 0;
    }

    private void jump(long match) {
        currentMatch = match;
        hasCurrentMatch = true;
        pauseAt(currentMatch, 0);
        scrollUp(lastHeight / 3); // the match sits a third of the way down, with context above
    }

    private void pauseAt(long position, int row) {
        if (follow) {
            totalWhenPaused = feed.total();
        }
        follow = false;
        anchorPosition = position;
        anchorRow = row;
    }

    /** Draws the pane into the rectangle; remembers its size for the next scroll. */
    void paint(Canvas canvas, int col, int row, int width, int height, List<String> names) {
        lastWidth = width;
        lastHeight = height;
        lastTop = row;
        canvas.fill(col, row, width, height, Theme.BG);
        if (feed == null || height <= 0 || width <= 0) {
            return;
        }
        List<Row> rows = follow ? tailRows(height) : rowsFromAnchor(height);
        int r = row;
        for (Row visible : rows) {
            paintRow(canvas, col, r++, width, visible, names);
        }
    }

    private void paintRow(Canvas canvas, int col, int row, int width, Row r, List<String> names) {
        int c = col;
        LogLine line = r.line().line();
        boolean stderr = line.source() == Source.STDERR;
        if (r.first() && timeWidth() > 0) {
            canvas.text(
                    c, row, timeGutter.format(line.time()), TimeGutter.WIDTH - 1, Theme.DIM, Theme.BG, Canvas.PLAIN);
        }
        c += timeWidth();
        if (r.first()) {
            // The gutter marks stderr lines in red: in the all view it is the bar after the name.
            int prefixWidth = markWidth();
            if (prefixWidth > GUTTER) {
                String name = ProcessList.cut(names.get(r.line().process()), prefixWidth - 2);
                canvas.text(
                        c, row, name, prefixWidth - 2, Theme.nameColour(r.line().process()), Theme.BG, Canvas.PLAIN);
                canvas.text(
                        c + prefixWidth - 2,
                        row,
                        "│",
                        1,
                        stderr ? Theme.STDERR_MARK : Theme.DIM,
                        Theme.BG,
                        Canvas.PLAIN);
            } else if (stderr) {
                canvas.text(c, row, "▍", 1, Theme.STDERR_MARK, Theme.BG, Canvas.PLAIN);
            }
        }
        c += markWidth();
        String text = line.text();
        int[] matches = search == null ? new int[0] : search.matchRanges(text);
        boolean current = hasCurrentMatch && r.line().position() == currentMatch;
        boolean selected = marked.test(r.line().position());
        int i = r.from();
        int limit = col + width;
        if (selected) {
            canvas.fill(c, row, limit - c, 1, Theme.SELECTION_BG); // the whole row, so a blank line shows too
        }
        StyleRuns styles = line.styles();
        while (i < r.to() && c < limit) {
            int end = nextBoundary(i, r.to(), styles, matches);
            TextColor fg;
            TextColor bg;
            EnumSet<SGR> sgr;
            if (inMatch(i, matches)) {
                fg = Theme.MATCH_FG;
                bg = current ? Theme.CURRENT_MATCH_BG : Theme.MATCH_BG;
                sgr = Canvas.PLAIN;
            } else if (selected) {
                fg = Theme.SELECTION_FG;
                bg = Theme.SELECTION_BG;
                sgr = Canvas.PLAIN;
            } else if (line.source() == Source.HUM) {
                fg = Theme.HUM_NOTE;
                bg = Theme.BG;
                sgr = Canvas.PLAIN;
            } else {
                long style = styles.styleAt(i);
                fg = Theme.foreground(style);
                bg = Theme.background(style);
                sgr = Theme.modifiers(style);
            }
            c = canvas.text(c, row, text, i, end, limit - c, fg, bg, sgr);
            i = end;
        }
    }

    private static int nextBoundary(int i, int to, StyleRuns styles, int[] matches) {
        int end = to;
        for (int run = 0; run < styles.runCount(); run++) {
            int start = styles.runStart(run);
            if (start > i && start < end) {
                end = start;
                break;
            }
        }
        for (int m = 0; m < matches.length; m++) {
            if (matches[m] > i && matches[m] < end) {
                end = matches[m];
            }
        }
        return end;
    }

    private static boolean inMatch(int i, int[] matches) {
        for (int m = 0; m + 1 < matches.length; m += 2) {
            if (i >= matches[m] && i < matches[m + 1]) {
                return true;
            }
        }
        return false;
    }

    private List<Row> tailRows(int height) {
        List<FeedLine> lines = feed.before(feed.end(), height);
        List<Row> rows = new ArrayList<>();
        for (FeedLine line : lines) {
            addRows(rows, line);
        }
        return rows.size() <= height ? rows : rows.subList(rows.size() - height, rows.size());
    }

    private List<Row> rowsFromAnchor(int height) {
        List<FeedLine> lines = feed.from(anchorPosition, height + 1);
        List<Row> rows = new ArrayList<>();
        for (FeedLine line : lines) {
            addRows(rows, line);
            if (rows.size() >= height + anchorRow) {
                break;
            }
        }
        int skip = lines.isEmpty() || lines.get(0).position() != anchorPosition ? 0 : Math.min(anchorRow, rows.size());
        List<Row> visible = rows.subList(skip, rows.size());
        return visible.size() <= height ? visible : visible.subList(0, height);
    }

    private long bottomPosition() {
        List<Row> rows = rowsFromAnchor(lastHeight);
        return rows.isEmpty()
                ? anchorPosition
                : rows.get(rows.size() - 1).line().position();
    }

    private void addRows(List<Row> rows, FeedLine line) {
        String text = line.line().text();
        int[] starts = Wrapping.rowStarts(text, textWidth(), wrap);
        for (int k = 0; k < starts.length; k++) {
            int to = k + 1 < starts.length ? starts[k + 1] : text.length();
            rows.add(new Row(line, starts[k], to, k == 0));
        }
    }

    private int rowCount(FeedLine line) {
        return Wrapping.rowStarts(line.line().text(), textWidth(), wrap).length;
    }

    private int rowIndex(Row row) {
        int[] starts = Wrapping.rowStarts(row.line().line().text(), textWidth(), wrap);
        for (int k = 0; k < starts.length; k++) {
            if (starts[k] == row.from()) {
                return k;
            }
        }
        return 0;
    }

    private int textWidth() {
        return Math.max(1, lastWidth - prefixWidth());
    }

    /** Cells before the text: the time (`t`), then the mark. */
    private int prefixWidth() {
        return timeWidth() + markWidth();
    }

    /** The gutter, or a name (at most a third of the pane) and a bar. */
    private int markWidth() {
        return nameColumn == 0 ? GUTTER : Math.min(nameColumn, Math.max(3, lastWidth / 3)) + 2;
    }

    private int timeWidth() {
        return times && lastWidth >= TimeGutter.MIN_PANE_WIDTH ? TimeGutter.WIDTH : 0;
    }
}
