package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * The help box, drawn from {@link KeyMap} over the middle of the screen: at most {@link #MAX_WIDTH} columns wide
 * (it must fit an 80-column terminal whole), descriptions wrapped to the room beside the keys.
 */
final class HelpOverlay {

    /** The widest the box gets: the classic terminal width, and a line length that still reads well. */
    static final int MAX_WIDTH = 80;

    private static final EnumSet<SGR> BOLD = EnumSet.of(SGR.BOLD);

    /** One row of the box: the keys on a binding's first row, blank on the rows its description wraps onto. */
    private record Row(String keys, String does) {}

    private HelpOverlay() {}

    static void paint(Canvas canvas) {
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
        canvas.fill(col, row, width, height, Theme.BAR_BG);
        canvas.text(col + 2, row, " keys · any key closes ", width - 2, Theme.BAR_FG, Theme.BAR_BG, BOLD);
        int room = Math.max(0, height - 3); // the title, a blank row under it, a blank row at the bottom
        for (int i = 0; i < Math.min(room, rows.size()); i++) {
            int r = row + 2 + i;
            Row line = rows.get(i);
            if (i == room - 1 && rows.size() > room) {
                String more = "… " + (rows.size() - i) + " more rows: a taller terminal shows them";
                canvas.text(col + 2, r, more, width - 4, Theme.BAR_FG, Theme.BAR_BG, Canvas.PLAIN);
                break;
            }
            canvas.text(col + 2, r, line.keys(), keysWidth, Theme.BAR_FG, Theme.BAR_BG, BOLD);
            canvas.text(col + 4 + keysWidth, r, line.does(), doesRoom, Theme.BAR_FG, Theme.BAR_BG, Canvas.PLAIN);
        }
    }
}
