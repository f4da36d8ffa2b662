package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.log.Style.ColorKind;
import java.util.List;
import org.junit.jupiter.api.Test;

final class SgrTest {

    @Test
    void feed_sixteenColours() {
        LogLine line = one("\u001b[31mred\u001b[0m \u001b[94mbright\u001b[39m x \u001b[42mbg\u001b[49m\n");
        assertEquals("red bright x bg", line.text());
        StyleRuns runs = line.styles();
        assertEquals(ColorKind.ANSI16, Style.fgKind(runs.styleAt(0)));
        assertEquals(1, Style.fgValue(runs.styleAt(2)));
        assertEquals(Style.DEFAULT, runs.styleAt(3));
        assertEquals(12, Style.fgValue(runs.styleAt(4)));
        assertEquals(ColorKind.DEFAULT, Style.fgKind(runs.styleAt(11)));
        assertEquals(ColorKind.ANSI16, Style.bgKind(runs.styleAt(13)));
        assertEquals(2, Style.bgValue(runs.styleAt(13)));
        assertEquals(5, runs.runCount()); // red, default, bright, default, green background
    }

    @Test
    void feed_256AndTrueColour() {
        LogLine line = one("\u001b[38;5;208ma\u001b[48;2;1;2;3mb\u001b[38:2::10:20:30mc\u001b[38:5:99md\n");
        StyleRuns runs = line.styles();
        assertEquals(ColorKind.INDEXED, Style.fgKind(runs.styleAt(0)));
        assertEquals(208, Style.fgValue(runs.styleAt(0)));
        assertEquals(ColorKind.RGB, Style.bgKind(runs.styleAt(1)));
        assertEquals(0x010203, Style.bgValue(runs.styleAt(1)));
        assertEquals(208, Style.fgValue(runs.styleAt(1)));
        assertEquals(ColorKind.RGB, Style.fgKind(runs.styleAt(2)));
        assertEquals(0x0A141E, Style.fgValue(runs.styleAt(2)));
        assertEquals(99, Style.fgValue(runs.styleAt(3)));
    }

    @Test
    void feed_attributesAndTheirResets() {
        LogLine line = one("\u001b[1;3;4;7;9mA\u001b[22mB\u001b[23;24mC\u001b[27;29mD\u001b[2mE\u001b[mF\n");
        StyleRuns r = line.styles();
        long a = r.styleAt(0);
        for (long attr : new long[] {Style.BOLD, Style.ITALIC, Style.UNDERLINE, Style.REVERSE, Style.STRIKETHROUGH}) {
            assertTrue(Style.has(a, attr));
        }
        assertFalse(Style.has(r.styleAt(1), Style.BOLD));
        assertTrue(Style.has(r.styleAt(1), Style.ITALIC));
        assertFalse(Style.has(r.styleAt(2), Style.ITALIC));
        assertFalse(Style.has(r.styleAt(2), Style.UNDERLINE));
        assertEquals(0, r.styleAt(3));
        assertTrue(Style.has(r.styleAt(4), Style.DIM));
        assertEquals(0, r.styleAt(5));
    }

    @Test
    void feed_styleCarriesToNextLine() {
        List<LogLine> lines = Decode.lines("\u001b[32mgreen\nstill green\u001b[0m plain\n".getBytes(UTF_8));
        assertEquals(2, Style.fgValue(lines.get(1).styles().styleAt(0)));
        assertEquals(Style.DEFAULT, lines.get(1).styles().styleAt(12));
    }

    @Test
    void feed_sgrSplitAcrossChunks() {
        byte[] bytes = "x\u001b[38;2;255;128;0my\n".getBytes(UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            LogLine line = Decode.lines(bytes, cut).get(0);
            assertEquals("xy", line.text());
            assertEquals(0xFF8000, Style.fgValue(line.styles().styleAt(1)), "cut at " + cut);
            assertEquals(Style.DEFAULT, line.styles().styleAt(0));
        }
    }

    @Test
    void feed_plainLineHasNoStyles() {
        assertSame(StyleRuns.NONE, one("\u001b[0mplain\u001b[m\n").styles());
    }

    @Test
    void styleRuns_offsetsCountUtf16Chars() {
        LogLine line = one("😀\u001b[1mb\n");
        assertEquals(0, line.styles().styleAt(1));
        assertTrue(Style.has(line.styles().styleAt(2), Style.BOLD));
        assertEquals(2, line.styles().runStart(0));
    }

    @Test
    void feed_privateCsiEndingInMIsNotSgr() {
        assertSame(StyleRuns.NONE, one("\u001b[>4;2mx\n").styles());
    }

    private static LogLine one(String input) {
        List<LogLine> lines = Decode.lines(input.getBytes(UTF_8));
        assertEquals(1, lines.size());
        return lines.get(0);
    }
}
