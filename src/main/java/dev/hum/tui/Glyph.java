package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import dev.hum.log.CellWidth;
import java.util.EnumSet;

/**
 * A screen cell that knows its width and compares by identity first. Lanterna's delta refresh asks
 * every cell of both buffers, every frame, whether it equals the other and whether it is double
 * width; a plain {@link TextCharacter} answers the second with Unicode block look-ups each time,
 * which was most of an idle dashboard's CPU, and knows only CJK as wide. {@link Glyphs} hands out
 * one instance per character and style, so an unchanged cell is the same object in both buffers.
 * Its width is the terminal's, from {@link CellWidth}: Lanterna's screen buffer and cursor follow it.
 */
final class Glyph extends TextCharacter {

    private static final long serialVersionUID = 1L;

    private final boolean doubleWidth;

    /** A cell of one BMP character. */
    Glyph(char ch, TextColor foreground, TextColor background, EnumSet<SGR> sgr) {
        super(ch, foreground, background, sgr);
        this.doubleWidth = CellWidth.of(ch) == 2;
    }

    /**
     * A cell of one character outside the BMP, or of a base character with the marks drawn over it.
     * Lanterna holds one grapheme per cell as Java's break rules see it; marks that Java would not
     * join to the base are left out.
     */
    Glyph(String cluster, boolean doubleWidth, TextColor foreground, TextColor background, EnumSet<SGR> sgr) {
        super(TextCharacter.fromString(cluster, foreground, background, sgr)[0]);
        this.doubleWidth = doubleWidth;
    }

    @Override
    public boolean isDoubleWidth() {
        return doubleWidth;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || super.equals(other);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
