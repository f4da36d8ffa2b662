package dev.hum.tui;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Optional;

/**
 * Selecting lines of the log pane to copy them: {@code v} starts a selection, the movement keys and a mouse drag
 * extend it, {@link #read} gives its lines as plain text. While it is on, the view holds still: new lines are
 * counted, not scrolled in under the selection. Render thread only.
 */
final class CopyMode {

    /**
     * Lines as plain text.
     *
     * @param text the lines in UTF-8, joined by newlines, without a newline at the end (a paste into a shell does
     *     not run the last line)
     * @param lines how many lines
     * @param cut whether lines of the selection were left out to stay within the capacity
     */
    record Copied(byte[] text, int lines, boolean cut) {}

    /** The status line while selecting. */
    static final String HINT = " select: j k ↑ ↓ PgUp PgDn Home End extend · y or Enter copies · Esc cancels";

    /** Lines read from the feed at a time while copying. */
    private static final int CHUNK = 512;

    private final LogPane pane;
    private final Selection selection = new Selection();
    private boolean wasFollowing;
    /** The screen row where the mouse went down in the pane: a drag from it selects. */
    private Optional<Integer> pressedRow = Optional.empty();

    CopyMode(LogPane pane) {
        this.pane = pane;
        pane.mark(selection::contains);
    }

    boolean active() {
        return selection.active();
    }

    /**
     * Starts a selection on the current search match when it is in view, else on the bottom line in view (the
     * newest while tailing): where the eye is after a search, and where an error usually just appeared.
     *
     * @return false when the pane shows no line
     */
    boolean start() {
        List<FeedLine> inView = pane.linesInView();
        if (inView.isEmpty()) {
            return false;
        }
        long at = inView.get(inView.size() - 1).position();
        if (pane.currentMatch().isPresent()) {
            long match = pane.currentMatch().getAsLong();
            if (match >= inView.get(0).position() && match <= at) {
                at = match;
            }
        }
        begin(at);
        return true;
    }

    private void begin(long position) {
        wasFollowing = pane.following();
        selection.start(position);
        pane.reveal(position);
    }

    /**
     * Moves the selection's end for a movement key while selecting.
     *
     * @return false for an action that is not a movement: it keeps its usual job
     */
    boolean move(Action action) {
        LogFeed feed = pane.feed();
        long cursor = selection.cursor();
        int page = Math.max(1, pane.linesInView().size() - 1);
        Optional<FeedLine> to;
        switch (action) {
            case SELECT_UP -> to = oldestOf(feed.before(cursor, 1));
            case SELECT_DOWN -> to = newestOf(feed.from(cursor + 1, 1));
            case PAGE_UP -> to = oldestOf(feed.before(cursor, page));
            case PAGE_DOWN -> to = newestOf(feed.from(cursor + 1, page));
            case OLDEST -> to = oldestOf(feed.from(feed.oldest(), 1));
            case FOLLOW -> to = newestOf(feed.before(feed.end(), 1));
            default -> {
                return false;
            }
        }
        to.ifPresent(line -> {
            selection.extendTo(line.position());
            pane.reveal(line.position());
        });
        return true;
    }

    /** Leaves selection mode; a view that was following the tail follows it again. */
    void cancel() {
        selection.clear();
        pressedRow = Optional.empty();
        if (wasFollowing) {
            pane.follow();
        }
    }

    /** The mouse went down on screen row {@code row} of the pane: a drag from here selects, a click clears. */
    void press(int row) {
        if (selection.active()) {
            cancel();
        }
        pressedRow = Optional.of(row);
    }

    /** The mouse moved to {@code row} with its button down; past the pane's edge the view scrolls a row. */
    void drag(int row) {
        if (pressedRow.isEmpty()) {
            return; // the button went down outside the pane
        }
        if (!selection.active()) {
            Optional<FeedLine> first = pane.lineNearRow(pressedRow.get());
            if (first.isEmpty()) {
                return;
            }
            begin(first.get().position());
        }
        int side = pane.side(row);
        if (side < 0) {
            pane.scrollUp(1);
        } else if (side > 0) {
            pane.scrollDown(1);
        }
        pane.lineNearRow(row).ifPresent(line -> selection.extendTo(line.position()));
    }

    /** The mouse button went up: the selection stays for y. */
    void release() {
        pressedRow = Optional.empty();
    }

    /**
     * The selection as it stands, to copy: values only, so that a worker can read its lines while the screen goes on.
     *
     * @param names the processes' names by id, to put before each line (the all view), or empty for none
     */
    record Range(LogFeed feed, long first, long last, List<String> names) {}

    /** The selection to copy, if there is one; the view is left to the caller. */
    Optional<Range> range(List<String> names) {
        if (!selection.active()) {
            return Optional.empty();
        }
        return Optional.of(new Range(pane.feed(), selection.first(), selection.last(), names));
    }

    /**
     * The lines of {@code range} as plain text (no colours, no gutter), each behind its process's name when there
     * are names, as headless prints them ({@code name | line}), at most {@code capacity} bytes of whole lines. Any
     * thread: a feed's readers never lock.
     */
    static Copied read(Range range, int capacity) {
        List<String> names = range.names();
        int nameWidth = names.stream().mapToInt(Canvas::width).max().orElse(0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int count = 0;
        long next = range.first();
        while (next <= range.last()) {
            List<FeedLine> chunk = range.feed().from(next, CHUNK);
            if (chunk.isEmpty()) {
                break;
            }
            for (FeedLine line : chunk) {
                if (line.position() > range.last()) {
                    return new Copied(out.toByteArray(), count, false);
                }
                byte[] text = plain(line, names, nameWidth).getBytes(UTF_8);
                int needed = text.length + (count == 0 ? 0 : 1);
                if (out.size() + needed > capacity) {
                    return new Copied(out.toByteArray(), count, true);
                }
                if (count > 0) {
                    out.write('\n');
                }
                out.writeBytes(text);
                count++;
                next = line.position() + 1;
            }
        }
        return new Copied(out.toByteArray(), count, false);
    }

    private static String plain(FeedLine line, List<String> names, int nameWidth) {
        if (names.isEmpty()) {
            return line.line().text();
        }
        String name = names.get(line.process());
        return name + " ".repeat(Math.max(0, nameWidth - Canvas.width(name))) + " | "
                + line.line().text();
    }

    private static Optional<FeedLine> oldestOf(List<FeedLine> lines) {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(0));
    }

    private static Optional<FeedLine> newestOf(List<FeedLine> lines) {
        return lines.isEmpty() ? Optional.empty() : Optional.of(lines.get(lines.size() - 1));
    }
}
