package dev.hum.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

final class CellWidthTest {

    @Test
    void of_emojiAndCjkTakeTwoCellsAsOnCurrentTerminals() {
        for (String wide : new String[] {"✅", "❌", "⚡", "⌚", "🚀", "😀", "漢", "ア", "가", "Ａ"}) {
            assertEquals(2, CellWidth.of(wide), wide);
        }
        for (String narrow : new String[] {"a", "é", "│", "▶", "↻", "…", "\uFFFD", "❤", "ｱ"}) {
            assertEquals(1, CellWidth.of(narrow), narrow);
        }
    }

    @Test
    void of_marksJoinAndInvisibleCharactersTakeNoCell() {
        for (int mark : new int[] {0x301, 0x20DD, 0x1161, 0x0E31}) {
            assertEquals(0, CellWidth.of(mark), Integer.toHexString(mark));
            assertTrue(CellWidth.joinsPrevious(mark), Integer.toHexString(mark));
        }
        for (int invisible :
                new int[] {0x200D, 0x200B, 0xAD, 0x2028, 0x2029, 0xFE0F, 0xFEFF, 0x2060, 0x1F3FD, 0x202E}) {
            assertEquals(0, CellWidth.of(invisible), Integer.toHexString(invisible));
            assertTrue(CellWidth.isInvisible(invisible), Integer.toHexString(invisible));
            assertFalse(CellWidth.joinsPrevious(invisible), Integer.toHexString(invisible));
        }
        assertEquals(3, CellWidth.of("e\u0301a\u200Db"));
    }

    @Test
    void of_controlsAndLoneSurrogatesAreOneReplacementCell() {
        assertEquals(1, CellWidth.of(0x1b));
        assertEquals(1, CellWidth.of(0x85));
        assertEquals(1, CellWidth.of("\uD83D"));
        assertEquals(2, CellWidth.of("\uDE80\uD83D"));
        assertEquals(2, CellWidth.of("\uD83D\uDE80"));
        assertEquals(1, CellWidth.of("\uD83D\uDE80", 0, 1), "a pair cut by the range is one lone surrogate");
    }
}
