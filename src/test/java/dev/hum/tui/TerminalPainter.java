package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import com.googlecode.lanterna.terminal.virtual.VirtualTerminal;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.imageio.ImageIO;

/**
 * Paints every cell of a Lanterna virtual terminal into a PNG with Java2D, the way a terminal
 * emulator with a dark theme would: the dashboard's own cells, colours and bold included.
 */
final class TerminalPainter {

    /** What a terminal shows for the default colours: light grey on near-black. */
    static final Color DEFAULT_FG = new Color(0xd0, 0xd0, 0xd0);

    static final Color DEFAULT_BG = new Color(0x1c, 0x1c, 0x1c);

    private static final String PREFERRED_FONT = "DejaVu Sans Mono";
    private static final int FONT_SIZE = 15;

    static {
        // Screenshots are made on machines without a display.
        System.setProperty("java.awt.headless", "true");
    }

    private final Font regular;
    private final Font bold;
    private final Font fallback;
    private final int cellWidth;
    private final int cellHeight;
    private final int ascent;

    TerminalPainter() {
        String family = Set.of(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                        .contains(PREFERRED_FONT)
                ? PREFERRED_FONT
                : Font.MONOSPACED;
        regular = new Font(family, Font.PLAIN, FONT_SIZE);
        bold = new Font(family, Font.BOLD, FONT_SIZE);
        fallback = new Font(Font.MONOSPACED, Font.PLAIN, FONT_SIZE);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = probe.createGraphics();
        FontMetrics metrics = g.getFontMetrics(regular);
        cellWidth = metrics.charWidth('M');
        cellHeight = metrics.getAscent() + metrics.getDescent() + 2; // a little leading, as terminals add
        ascent = metrics.getAscent() + 1;
        g.dispose();
    }

    int cellWidth() {
        return cellWidth;
    }

    int cellHeight() {
        return cellHeight;
    }

    /** The terminal's current contents as an image, one cell per character. */
    BufferedImage paint(VirtualTerminal terminal) {
        TerminalSize size = terminal.getTerminalSize();
        int columns = size.getColumns();
        int rows = size.getRows();
        BufferedImage image = new BufferedImage(columns * cellWidth, rows * cellHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(DEFAULT_BG);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                TextCharacter ch = terminal.getCharacter(c, r);
                if (ch == null) {
                    continue;
                }
                int span = ch.isDoubleWidth() && c + 1 < columns ? 2 : 1;
                paintCell(g, ch, c * cellWidth, r * cellHeight, span * cellWidth);
                c += span - 1; // the cell after a wide character is its right half, not a character
            }
        }
        g.dispose();
        return image;
    }

    /** Paints the terminal to a PNG file. */
    void write(VirtualTerminal terminal, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(paint(terminal), "png", file.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
    }

    private void paintCell(Graphics2D g, TextCharacter ch, int x, int y, int width) {
        Color fg = colour(ch.getForegroundColor(), DEFAULT_FG);
        Color bg = colour(ch.getBackgroundColor(), DEFAULT_BG);
        if (ch.isReversed()) {
            Color t = fg;
            fg = bg;
            bg = t;
        }
        g.setColor(bg);
        g.fillRect(x, y, width, cellHeight);
        g.setColor(fg);
        String text = ch.getCharacterString();
        char first = text.isEmpty() ? ' ' : text.charAt(0);
        if (first == '│') {
            // A font's box-drawing glyph stops at the font's line height; a terminal joins the rows.
            int mid = x + cellWidth / 2;
            g.setStroke(new BasicStroke(1f));
            g.drawLine(mid, y, mid, y + cellHeight - 1);
            return;
        }
        if (first != ' ') {
            Font font = ch.isBold() ? bold : regular;
            if (font.canDisplayUpTo(text) != -1) {
                font = fallback.deriveFont(ch.isBold() ? Font.BOLD : Font.PLAIN);
            }
            Font drawn = ch.getModifiers().contains(SGR.ITALIC) ? font.deriveFont(font.getStyle() | Font.ITALIC) : font;
            g.setFont(drawn);
            int glyph = g.getFontMetrics().stringWidth(text);
            g.drawString(text, x + Math.max(0, (width - glyph) / 2), y + ascent);
        }
        if (ch.isUnderlined()) {
            g.drawLine(x, y + ascent + 2, x + width - 1, y + ascent + 2);
        }
        if (ch.isCrossedOut()) {
            g.drawLine(x, y + cellHeight / 2, x + width - 1, y + cellHeight / 2);
        }
    }

    private static Color colour(TextColor colour, Color fallback) {
        if (colour == null || colour == TextColor.ANSI.DEFAULT) {
            return fallback;
        }
        return colour.toColor();
    }
}
