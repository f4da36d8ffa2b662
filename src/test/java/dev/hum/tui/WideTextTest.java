package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Characters whose width is not one cell, on a virtual terminal that places them as current
 * terminals do: wide emoji, marks that join the character before them, invisible characters.
 */
final class WideTextTest {

    /** A printf format that prints {@code text}: its UTF-8 bytes as octal escapes, so the script is ASCII. */
    static String printf(String text) {
        StringBuilder b = new StringBuilder("printf '");
        for (byte x : text.getBytes(StandardCharsets.UTF_8)) {
            int v = x & 0xff;
            if (v >= 0x20 && v < 0x7f && v != '\'' && v != '\\' && v != '%') {
                b.append((char) v);
            } else {
                b.append('\\').append(Integer.toOctalString(v));
            }
        }
        return b.append("'; ").toString();
    }

    @Test
    void wideEmoji_stayRightOfTheSeparator(@TempDir Path flags) throws Exception {
        String checks = "✅".repeat(150);
        String mixed = "❌⚡⌚🚀".repeat(40);
        String wait = "until [ -e " + flags + "/more ]; do sleep 0.01; done; ";
        try (ScreenHarness h = new ScreenHarness(
                100,
                12,
                ScreenHarness.shell(
                        "tests",
                        printf(checks + "\n" + mixed + "\n" + "first\n") + wait + printf(checks + "\n" + "second\n")
                                + "sleep 300"),
                ScreenHarness.shell("idle", "true", false))) {
            h.startAll();
            h.awaitText("│ first");
            // The next lines move every row of the pane: a frame redraws the pane and not the list, so
            // a row that ran past the terminal's right edge would now be written over the list.
            Files.createFile(flags.resolve("more"));
            h.awaitText("│ second");
            int separator = h.row(0).indexOf('│');
            assertTrue(separator > 0, h.text());
            for (int r = 0; r < 11; r++) {
                assertEquals("│", h.cell(separator, r).getCharacterString(), "row " + r + ":\n" + h.text());
            }
            assertTrue(h.row(2).startsWith("  tests "), h.text());
            assertTrue(h.row(3).startsWith("  idle "), h.text());
            String screen = h.text();
            assertTrue(screen.contains("│ ✅✅✅"), screen);
            assertTrue(screen.contains("⌚🚀❌⚡⌚🚀"), "an emoji outside the BMP is drawn whole:\n" + screen);
        }
    }

    @Test
    void zeroWidthCharacters_takeNoCellOfTheirOwn() throws Exception {
        String accent = "e\u0301";
        String invisible = "a\u200Db\u200Bc\u00ADd\u2028e\u2029f\uFE0Fg";
        try (ScreenHarness h = new ScreenHarness(
                80,
                8,
                ScreenHarness.shell(
                        "marks",
                        printf(accent.repeat(200) + "\nx" + invisible + "|end\n") + "w=do; echo ${w}ne; sleep 300"))) {
            h.startAll();
            h.awaitText("│ done"); // built at run time: the start notice quotes the command
            String screen = h.text();
            assertTrue(screen.contains("│ xabcdefg|end"), "invisible characters are not drawn:\n" + screen);
            // The accented line fills the pane to its last column, one cell per letter.
            int row = -1;
            for (int r = 0; r < 8; r++) {
                if (row < 0 && h.row(r).contains("│ e\u0301e\u0301")) {
                    row = r;
                }
            }
            assertTrue(row >= 0, screen);
            assertEquals(accent, h.cell(79, row).getCharacterString(), "the last column:\n" + screen);
            assertEquals(accent, h.cell(79, row + 1).getCharacterString(), "the wrapped row's last column:\n" + screen);
        }
    }
}
