package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import java.util.EnumSet;

/** The help box, drawn from {@link KeyMap} over the middle of the screen. */
final class HelpOverlay {

    private static final EnumSet<SGR> BOLD = EnumSet.of(SGR.BOLD);

    private HelpOverlay() {}

    static void paint(Canvas canvas) {
        int keysWidth = 0;
        int doesWidth = 0;
        for (KeyMap.Binding b : KeyMap.BINDINGS) {
            keysWidth = Math.max(keysWidth, Canvas.width(b.keys()));
            doesWidth = Math.max(doesWidth, Canvas.width(b.does()));
        }
        int width = Math.min(canvas.columns(), keysWidth + doesWidth + 7);
        int height = Math.min(canvas.rows(), KeyMap.BINDINGS.size() + 4);
        int col = Math.max(0, (canvas.columns() - width) / 2);
        int row = Math.max(0, (canvas.rows() - height) / 2);
        canvas.fill(col, row, width, height, Theme.BAR_BG);
        canvas.text(col + 2, row, " keys · any key closes ", width - 2, Theme.BAR_FG, Theme.BAR_BG, BOLD);
        int r = row + 2;
        for (KeyMap.Binding b : KeyMap.BINDINGS) {
            if (r >= row + height - 1) {
                break;
            }
            canvas.text(col + 2, r, b.keys(), keysWidth, Theme.BAR_FG, Theme.BAR_BG, BOLD);
            canvas.text(
                    col + 4 + keysWidth, r, b.does(), width - keysWidth - 5, Theme.BAR_FG, Theme.BAR_BG, Canvas.PLAIN);
            r++;
        }
    }
}
