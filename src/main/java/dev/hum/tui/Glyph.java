package dev.hum.tui;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;

/**
 * A screen cell that knows its width and compares by identity first. Lanterna's delta refresh asks
 * every cell of both buffers, every frame, whether it equals the other and whether it is double
 * width; a plain {@link TextCharacter} answers the second with Unicode block look-ups each time,
 * which was most of an idle dashboard's CPU. {@link Glyphs} hands out one instance per character
 * and style, so an unchanged cell is the same object in both buffers.
 */
final class Glyph extends TextCharacter {

    private static final long serialVersionUID = 1L;

    private final boolean doubleWidth;

    Glyph(char ch, TextColor foreground, TextColor background, EnumSet<SGR> sgr) {
        super(ch, foreground, background, sgr);
        this.doubleWidth = super.isDoubleWidth();
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
