package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.SGR;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.TextColor;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class GlyphsTest {

    private static final TextColor FG = TextColor.ANSI.GREEN;
    private static final TextColor BG = TextColor.ANSI.DEFAULT;

    private final Glyphs glyphs = new Glyphs();

    @Test
    void row_givesOneInstancePerCharacterAndStyle() {
        Glyph a = glyphs.row(FG, BG, EnumSet.of(SGR.BOLD)).of('a');
        assertSame(a, glyphs.row(FG, BG, EnumSet.of(SGR.BOLD)).of('a'));
        assertNotSame(a, glyphs.row(FG, BG, Canvas.PLAIN).of('a'));
        assertNotSame(
                a, glyphs.row(TextColor.ANSI.RED, BG, EnumSet.of(SGR.BOLD)).of('a'));
        assertEquals(new TextCharacter('a', FG, BG, SGR.BOLD).getCharacterString(), a.getCharacterString());
        assertEquals(EnumSet.of(SGR.BOLD), a.getModifiers());
    }

    @Test
    void row_keepsItsOwnCopyOfTheStyleSet() {
        EnumSet<SGR> reused = EnumSet.of(SGR.BOLD);
        glyphs.row(FG, BG, reused).of('x');
        reused.add(SGR.UNDERLINE);
        Glyph bold = glyphs.row(FG, BG, EnumSet.of(SGR.BOLD)).of('x');
        assertEquals(EnumSet.of(SGR.BOLD), bold.getModifiers());
        assertEquals(
                EnumSet.of(SGR.BOLD, SGR.UNDERLINE),
                glyphs.row(FG, BG, reused).of('x').getModifiers());
    }

    @Test
    void glyph_knowsItsWidthLikeATerminal() {
        Glyphs.Row row = glyphs.row(FG, BG, Canvas.PLAIN);
        for (char ch : new char[] {'漢', 'ア', '✅', '❌', '⚡', '⌚'}) {
            assertTrue(row.of(ch).isDoubleWidth(), "width of " + ch);
        }
        for (char ch : new char[] {'a', ' ', '~', 'é', '\uFFFD', '│', '▶'}) {
            assertFalse(row.of(ch).isDoubleWidth(), "width of " + ch);
        }
        assertTrue(row.of("🚀", 2).isDoubleWidth());
        assertEquals("🚀", row.of("🚀", 2).getCharacterString());
        assertEquals("e\u0301", row.of("e\u0301", 1).getCharacterString());
        assertFalse(row.of("e\u0301", 1).isDoubleWidth());
    }

    @Test
    void others_stayBoundedAndAreReused() {
        Glyphs.Row row = glyphs.row(FG, BG, Canvas.PLAIN);
        assertSame(row.of('漢'), glyphs.row(FG, BG, Canvas.PLAIN).of('漢'));
        for (int i = 0; i < Glyphs.MAX_OTHERS * 3; i++) {
            String text = new String(Character.toChars(0x4E00 + i));
            assertEquals(text, row.of(text, 2).getCharacterString());
            assertTrue(glyphs.others() <= Glyphs.MAX_OTHERS, "cells kept: " + glyphs.others());
        }
    }

    @Test
    void glyph_equalsByContentWhenNotTheSameInstance() {
        Glyph made = new Glyph('q', FG, BG, Canvas.PLAIN);
        Glyph again = new Glyph('q', FG, BG, Canvas.PLAIN);
        assertEquals(made, again);
        assertEquals(made.hashCode(), again.hashCode());
        assertFalse(made.equals(new Glyph('r', FG, BG, Canvas.PLAIN)));
    }

    @Test
    void styles_stayBoundedUnderManyTrueColours() {
        for (int i = 0; i < Glyphs.MAX_STYLES * 3; i++) {
            TextColor colour = new TextColor.RGB(i & 0xff, (i >> 8) & 0xff, 7);
            assertEquals("z", glyphs.row(colour, BG, Canvas.PLAIN).of('z').getCharacterString());
            assertTrue(glyphs.styles() <= Glyphs.MAX_STYLES, "styles kept: " + glyphs.styles());
        }
    }
}
