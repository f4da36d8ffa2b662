package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

final class WrappingTest {

    @Test
    void rowStarts_countCellsAsTheTerminalDraws() {
        assertArrayEquals(new int[] {0, 3, 6, 9}, Wrapping.rowStarts("✅".repeat(10), 7, true));
        assertArrayEquals(new int[] {0, 2, 4}, Wrapping.rowStarts("🚀".repeat(3), 3, true), "a pair is one cell pair");
        assertArrayEquals(new int[] {0}, Wrapping.rowStarts("🚀".repeat(3), 6, true));
        assertArrayEquals(new int[] {0}, Wrapping.rowStarts("✅".repeat(10), 7, false));
    }

    @Test
    void rowStarts_neverStartARowWithAMarkOrAnInvisibleCharacter() {
        assertArrayEquals(new int[] {0, 4, 8}, Wrapping.rowStarts("e\u0301".repeat(5), 2, true));
        assertArrayEquals(new int[] {0, 3}, Wrapping.rowStarts("ab\u200Dcd", 2, true));
        assertArrayEquals(new int[] {0}, Wrapping.rowStarts("a\u00ADb\u2028c", 3, true));
    }
}
