package dev.hum.tui;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The key hints on the status line. On a narrow screen the hints a newcomer needs least give way first (the
 * session's title before the process keys); {@code ? help} and {@code q quit} always stay, at the end.
 */
final class KeyBar {

    /** One hint; the lowest {@code keep} gives way first. */
    private record Hint(String text, int keep) {}

    private static final List<Hint> HINTS = List.of(
            new Hint("↑↓ select", 6),
            new Hint("s start", 7),
            new Hint("x stop", 5),
            new Hint("r restart", 4),
            new Hint("i input", 2),
            new Hint("PgUp/PgDn scroll", 1),
            new Hint("/ search", 2),
            // the two things people leave a dashboard for (copying an error out, seeing only what matters) are
            // named where they fit; at 120 columns they do, beside a short title
            new Hint("f filter", 1),
            new Hint("v copy", 1),
            new Hint("w wrap", 0));

    /** Hints above this stay longer than the title at the right end of the bar. */
    private static final int TITLE_KEEP = 3;

    private static final String ALWAYS = "? help  q quit";
    private static final String GAP = "  ";

    /**
     * What the bar shows in {@code width} cells beside a {@code title} of {@code titleWidth} cells.
     *
     * @param keys the hints, from the bar's first cell
     * @param withTitle whether the title fits beside them
     */
    record Bar(String keys, boolean withTitle) {}

    private KeyBar() {}

    static Bar fit(int width, int titleWidth) {
        List<Hint> shown = new ArrayList<>(HINTS);
        List<Hint> byKeep = new ArrayList<>(HINTS);
        byKeep.sort(Comparator.comparingInt(Hint::keep));
        boolean withTitle = true;
        for (Hint next : byKeep) {
            if (Canvas.width(text(shown)) + (withTitle ? titleWidth + 1 : 0) <= width) {
                break;
            }
            if (withTitle && next.keep() > TITLE_KEEP) {
                withTitle = false; // the title goes before the keys that start and stop processes
                if (Canvas.width(text(shown)) <= width) {
                    break;
                }
            }
            shown.remove(next);
        }
        return new Bar(text(shown), withTitle && Canvas.width(text(shown)) + titleWidth + 1 <= width);
    }

    private static String text(List<Hint> hints) {
        StringBuilder b = new StringBuilder(" ");
        for (Hint h : hints) {
            b.append(h.text()).append(GAP);
        }
        return b.append(ALWAYS).toString();
    }
}
