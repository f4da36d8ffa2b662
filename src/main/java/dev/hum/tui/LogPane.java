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
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;

/**
 * The log on the right: follows the tail of a feed, or stays where the user scrolled it while new
 * lines are counted; wraps or cuts long lines; highlights search matches. Owned by the render thread.
 */
final class LogPane {

    /** One screen row: a part of a line. */
    private record Row(FeedLine line, int from, int to, boolean first) {}

    @SuppressWarnings("NullAway.Init") // Dashboard calls show() in its constructor, before any other call
    private LogFeed feed;

    private boolean follow = true;
    private long anchorPosition;
    private int anchorRow;
    private long totalWhenPaused;
    private boolean wrap = true;

    private @Nullable LogSearch search;
    private String query = "";
    private long currentMatch = Long.MIN_VALUE;
    private boolean hasCurrentMatch;

    private int lastWidth = 80;
    private int lastHeight = 20;
    /** Columns before the text in one process's view: a gutter that marks stderr lines. */
    static final int GUTTER = 1;

    private int prefixWidth = GUTTER;

    /** Shows another feed, following its tail; a search in progress carries over. */
    void show(LogFeed newFeed, int newPrefixWidth) {
        this.feed = newFeed;
        this.prefixWidth = newPrefixWidth;
        this.follow = true;
        this.hasCurrentMatch = false;
    }

    boolean following() {
        return follow;
    }

    boolean wraps() {
        return wrap;
    }

    void toggleWrap() {
        wrap = !wrap;
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

    void oldest() {
        List<FeedLine> first = feed.from(Long.MIN_VALUE, 1);
        pauseAt(first.isEmpty() ? Long.MIN_VALUE : first.get(0).position(), 0);
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

    /** Starts a search: jumps to the newest match at or above the bottom of the view. */
    boolean search(String text) {
        query = text;
        if (text.isEmpty()) {
            clearSearch();
            return true;
        }
        search = LogSearch.plain(text);
        long from = follow ? feed.end() : bottomPosition();
        return jump(feed.findAtOrBefore(search, from));
    }

    /** The next older match. */
    boolean nextMatch() {
        if (search == null) {
            return false;
        }
        long from = hasCurrentMatch ? currentMatch - 1 : (follow ? feed.end() : bottomPosition());
        return jump(feed.findAtOrBefore(search, from));
    }

    /** The next newer match. */
    boolean previousMatch() {
        if (search == null) {
            return false;
        }
        long from = hasCurrentMatch ? currentMatch + 1 : anchorPosition;
        return jump(feed.findAtOrAfter(search, from));
    }

    boolean searching() {
        return search != null;
    }

    void clearSearch() {
        search = null;
        query = "";
        hasCurrentMatch = false;
    }

    private boolean jump(OptionalLong match) {
        if (match.isEmpty()) {
            return false;
        }
        currentMatch = match.getAsLong();
        hasCurrentMatch = true;
        pauseAt(currentMatch, 0);
        scrollUp(lastHeight / 3); // the match sits a third of the way down, with context above
        return true;
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
        if (r.first()) {
            // The gutter marks stderr lines in red: in the all view it is the bar after the name.
            if (prefixWidth > GUTTER) {
                String name = names.get(r.line().process());
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
        c += prefixWidth;
        String text = line.text();
        int[] matches = search == null ? new int[0] : search.matchRanges(text);
        boolean current = hasCurrentMatch && r.line().position() == currentMatch;
        int i = r.from();
        int limit = col + width;
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
        return Math.max(1, lastWidth - prefixWidth);
    }
}
