package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The key bar names i (typing into a process) where there is room, and never pushes out the way out. */
final class KeyBarTest {

    private static final int TITLE = Canvas.width(" hum · test ");

    @Test
    void fit_namesTheInputKeyWhenThereIsRoom() {
        for (int width : new int[] {100, 120, 160}) {
            KeyBar.Bar bar = KeyBar.fit(width, TITLE);
            assertTrue(bar.keys().contains("i input"), width + ": " + bar.keys());
            assertTrue(bar.keys().endsWith("? help  q quit"), width + ": " + bar.keys());
            assertTrue(Canvas.width(bar.keys()) + (bar.withTitle() ? TITLE + 1 : 0) <= width, width + ": " + bar);
        }
    }

    @Test
    void fit_at80ColumnsKeepsTheProcessKeysBeforeTheInputKey() {
        KeyBar.Bar bar = KeyBar.fit(80, TITLE);
        assertTrue(bar.keys().contains("↑↓ select  s start  x stop  r restart"), bar.keys());
        assertFalse(bar.keys().contains("i input"), bar.keys());
        assertTrue(bar.withTitle(), bar::toString);
    }

    @Test
    void fit_namesFilterAndCopyAt120ColumnsAndTheyGiveWayBeforeTheProcessKeys() {
        KeyBar.Bar wide = KeyBar.fit(120, TITLE);
        assertTrue(wide.keys().contains("/ search  f filter  v copy  ? help"), wide.keys());
        assertTrue(wide.withTitle(), wide::toString);
        KeyBar.Bar narrow = KeyBar.fit(80, TITLE);
        assertFalse(narrow.keys().contains("f filter"), narrow.keys());
        assertTrue(narrow.keys().contains("r restart"), narrow.keys());
    }
}
