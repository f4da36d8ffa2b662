package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.MouseAction;
import com.googlecode.lanterna.input.MouseActionType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The help box, drawn from {@link KeyMap} over the middle of the screen: at most {@link #MAX_WIDTH} columns wide
 * (it must fit an 80-column terminal whole), descriptions wrapped to the room beside the keys. When the rows do not
 * fit the terminal's height (the key table is longer than 24 rows), ↑/↓/PgUp/PgDn scroll it and the title says so;
 * any other key closes it. Render thread only.
 */
final class HelpOverlay {

    /** The widest the box gets: the classic terminal width, and a line length that still reads well. */
    static final int MAX_WIDTH = 80;

    private static final EnumSet<SGR> BOLD = EnumSet.of(SGR.BOLD);

    /** One row of the box: the keys on a binding's first row, blank on the rows its description wraps onto. */
    private record Row(String keys, String does) {}

    /** The first row shown. */
    private int top;

    /** The rows that fit in the last frame, and how many rows there were: what scrolling may move between. */
    private int shown = Integer.MAX_VALUE;

    private int total;

    /** Opens the box at its first row. */
    void open() {
        top = 0;
    }

    /**
     * Scrolls by a key when the box has more rows than it shows; false when the key is not a scroll key, or
     * there is nothing to scroll (the key then closes the box).
     */
    boolean scroll(KeyStroke key) {
        if (total <= shown) {
            return false;
        }
        int page = Math.max(1, shown - 1);
        if (key instanceof MouseAction mouse) {
            // the wheel scrolls as it does in the log; a click closes, like any other key
            MouseActionType type = mouse.getActionType();
            if (type != MouseActionType.SCROLL_UP && type != MouseActionType.SCROLL_DOWN) {
                return false;
            }
            top = Math.max(0, Math.min(total - shown, top + (type == MouseActionType.SCROLL_DOWN ? 3 : -3)));
            return true;
        }
        int by =
                switch (key.getKeyType()) {
                    case ArrowDown -> 1;
                    case ArrowUp -> -1;
                    case PageDown -> page;
                    case PageUp -> -page;
                    case Character -> key.getCharacter() == 'j' ? 1 : key.getCharacter() == 'k' ? -1 : 0;
                    default -> 0;
                };
        if (by == 0) {
            return false;
        }
        top = Math.max(0, Math.min(total - shown, top + by));
        return true;
    }

    void paint(Canvas canvas) {
        int keysWidth = 0;
        int doesWidth = 0;
        for (KeyMap.Binding b : KeyMap.BINDINGS) {
            keysWidth = Math.max(keysWidth, Canvas.width(b.keys()));
            doesWidth = Math.max(doesWidth, Canvas.width(b.does()));
        }
        // Two cells of margin on each side, two between the columns.
        int width = Math.min(Math.min(canvas.columns(), MAX_WIDTH), keysWidth + doesWidth + 6);
        int doesRoom = Math.max(1, width - keysWidth - 6);
        List<Row> rows = new ArrayList<>();
        for (KeyMap.Binding b : KeyMap.BINDINGS) {
            String keys = b.keys();
            for (String line : PaneHint.wrap(b.does(), doesRoom)) {
                rows.add(new Row(keys, line));
                keys = "";
            }
        }
        int height = Math.min(canvas.rows(), rows.size() + 4);
        int col = Math.max(0, (canvas.columns() - width) / 2);
        int row = Math.max(0, (canvas.rows() - height) / 2);
        int room = Math.max(0, height - 3); // the title, a blank row under it, a blank row at the bottom
        total = rows.size();
        shown = room;
        top = Math.max(0, Math.min(top, total - room));
        canvas.fill(col, row, width, height, Theme.BAR_BG);
        String title = total > room
                ? " keys " + (top + 1) + "-" + Math.min(total, top + room) + " of " + total
                        + " · ↑↓ PgUp PgDn scroll · any other key closes "
                : " keys · any key closes ";
        canvas.text(col + 2, row, title, width - 2, Theme.BAR_FG, Theme.BAR_BG, BOLD);
        for (int i = 0; i < Math.min(room, total - top); i++) {
            int r = row + 2 + i;
            Row line = rows.get(top + i);
            // a description continued from above the view still says whose it is
            String keys = i == 0 && line.keys().isEmpty() ? keysOf(rows, top) : line.keys();
            canvas.text(col + 2, r, keys, keysWidth, Theme.BAR_FG, Theme.BAR_BG, BOLD);
            canvas.text(col + 4 + keysWidth, r, line.does(), doesRoom, Theme.BAR_FG, Theme.BAR_BG, Canvas.PLAIN);
        }
    }

    /** The keys of the binding row {@code at} belongs to. */
    private static String keysOf(List<Row> rows, int at) {
        for (int i = at; i >= 0; i--) {
            if (!rows.get(i).keys().isEmpty()) {
                return rows.get(i).keys();
            }
        }
        return "";
    }
}
