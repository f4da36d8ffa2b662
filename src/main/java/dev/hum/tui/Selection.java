package dev.hum.tui;

/**
 * A range of whole lines in a feed, from the line where the selection began (the anchor) to the line the
 * cursor is on, either way round. Positions, not rows: the selection stays on its lines while the view
 * scrolls and new lines arrive. Render thread only.
 */
final class Selection {

    private boolean active;
    private long anchor;
    private long cursor;

    /** Starts a selection of the one line at {@code position}. */
    void start(long position) {
        active = true;
        anchor = position;
        cursor = position;
    }

    /** Moves the selection's moving end to the line at {@code position}; the anchor stays. */
    void extendTo(long position) {
        cursor = position;
    }

    void clear() {
        active = false;
    }

    boolean active() {
        return active;
    }

    /** The line the moving end is on. */
    long cursor() {
        return cursor;
    }

    /** The oldest selected line's position. */
    long first() {
        return Math.min(anchor, cursor);
    }

    /** The newest selected line's position. */
    long last() {
        return Math.max(anchor, cursor);
    }

    boolean contains(long position) {
        return active && position >= first() && position <= last();
    }
}
