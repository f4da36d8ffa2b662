package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

final class OutputDecoderTest {

    @Test
    void feed_splitsOnLfAndCrlf() {
        assertEquals(List.of("a", "b", "", "c"), Decode.texts("a\nb\r\n\r\nc"));
    }

    @Test
    void feed_crlfSplitAcrossChunks() {
        assertEquals(List.of("a", "b"), Decode.texts("a\r\nb\n", 2));
    }

    @Test
    void feed_returnsCompletedLineCount() {
        LogBuffer buffer = new LogBuffer(100, 1 << 20);
        OutputDecoder decoder = new OutputDecoder(buffer, Source.STDERR);
        byte[] bytes = "one\ntwo\nthr".getBytes(UTF_8);
        assertEquals(2, decoder.feed(bytes, 0, bytes.length));
        assertEquals(1, decoder.finish());
        assertEquals(3, buffer.totalAppended());
        assertEquals(Source.STDERR, buffer.tail(1).lines().get(0).source());
        assertEquals("thr", buffer.tail(1).lines().get(0).text());
    }

    @Test
    void feed_progressBarKeepsLastState() {
        assertEquals(List.of("30%"), Decode.texts("10%\r20%\r30%\n"));
    }

    @Test
    void feed_carriageReturnOverwritesKeepingTail() {
        assertEquals(List.of("okwnloading"), Decode.texts("downloading\rok\n"));
    }

    @Test
    void feed_carriageReturnThenEraseLineReplaces() {
        assertEquals(List.of("ok"), Decode.texts("downloading\r\u001b[Kok\n"));
        assertEquals(List.of("ok"), Decode.texts("downloading\u001b[2K\u001b[1Gok\n"));
    }

    @Test
    void feed_carriageReturnAtChunkEnd() {
        assertEquals(List.of("20%"), Decode.texts("10%\r20%\n", 4));
    }

    @Test
    void feed_tabsExpandToMultiplesOfEight() {
        assertEquals(List.of("a       b", "12345678        x"), Decode.texts("a\tb\n12345678\tx\n"));
    }

    @Test
    void feed_tabStopsCountCellsNotCharacters() {
        // 漢 and ✅ take two cells on a terminal, a joined accent none: the tab stop is at cell 8 all the same.
        assertEquals(
                List.of("漢字    |", "✅      |", "e\u0301       |", "ab\u0301\u0301c     |"),
                Decode.texts("漢字\t|\n✅\t|\ne\u0301\t|\nab\u0301\u0301c\t|\n"));
        assertEquals(List.of("漢      |xx"), Decode.texts("xxxxxxxxxx\r漢\t|\n"), "after a carriage return");
        // CSI G counts code points: column 5 is the 'c', after 6 cells
        assertEquals(List.of("漢字ab  |"), Decode.texts("漢字abcd\u001b[5G\t|\n"), "after CSI G");
    }

    @Test
    void feed_bidirectionalControlsAreDropped() {
        String controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";
        assertEquals(List.of("txt.exe is exe"), Decode.texts("txt.\u202Eexe\u202C is \u2067exe\u2069\n"));
        assertEquals(List.of("ab"), Decode.texts("a" + controls + "b\n"));
    }

    @Test
    void feed_controlsBecomePicturesAndBelIsDropped() {
        assertEquals(List.of("a\u2400b\u2401c\u2421d"), Decode.texts("a\0b\u0001c\u007fd\u0007\n"));
    }

    @Test
    void feed_invalidUtf8BecomesReplacement() {
        byte[] bytes = {
            'a', (byte) 0xFF, 'b', (byte) 0xC3, 'c', (byte) 0xE2, (byte) 0x82, '\n', (byte) 0xC0, (byte) 0xAF
        };
        assertEquals(List.of("a\uFFFDb\uFFFDc\uFFFD", "\uFFFD\uFFFD"), texts(bytes));
    }

    @Test
    void feed_encodedSurrogatesAreInvalid() {
        byte[] bytes = {(byte) 0xED, (byte) 0xA0, (byte) 0x80, '\n'};
        assertEquals(List.of("\uFFFD\uFFFD\uFFFD"), texts(bytes));
    }

    @Test
    void feed_utf8SplitAtEveryPosition() {
        String text = "é漢字😀 ok";
        byte[] bytes = (text + "\n").getBytes(UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            assertEquals(List.of(text), Decode.texts(text + "\n", cut), "cut at " + cut);
        }
        for (int a = 0; a < bytes.length; a++) {
            for (int b = a; b < bytes.length; b++) {
                assertEquals(text, Decode.lines(bytes, a, b).get(0).text());
            }
        }
    }

    @Test
    void finish_unfinishedUtf8BecomesReplacement() {
        assertEquals(List.of("a\uFFFD"), texts(new byte[] {'a', (byte) 0xE6, (byte) 0xBC}));
    }

    @Test
    void feed_hugeLineIsCutOnceAndMemoryStaysBounded() {
        LogBuffer buffer = new LogBuffer(1000, 1 << 20);
        OutputDecoder decoder = new OutputDecoder(buffer, Source.STDOUT);
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        long total = 50L * 1024 * 1024;
        for (long sent = 0; sent < total; sent += chunk.length) {
            decoder.feed(chunk, 0, chunk.length);
        }
        byte[] tail = "\nnext line\n".getBytes(UTF_8);
        decoder.feed(tail, 0, tail.length);
        List<LogLine> lines = buffer.readFrom(0, 10).lines();
        assertEquals(2, lines.size());
        String cut = lines.get(0).text();
        assertTrue(cut.endsWith(ControlChars.CUT_MARKER));
        assertEquals(OutputDecoder.DEFAULT_MAX_LINE_BYTES + ControlChars.CUT_MARKER.length(), cut.length());
        assertEquals("next line", lines.get(1).text());
        assertEquals(total - OutputDecoder.DEFAULT_MAX_LINE_BYTES, decoder.droppedBytes());
        assertTrue(buffer.allocatedBytes() <= 2L << 20, "buffer grew to " + buffer.allocatedBytes());
    }

    @Test
    void feed_cutAppliesToMultibyteText() {
        LogBuffer buffer = new LogBuffer(1000, 1 << 20);
        OutputDecoder decoder = new OutputDecoder(buffer, Source.STDOUT, 64);
        byte[] bytes = ("漢".repeat(100) + "\nok\n").getBytes(UTF_8);
        decoder.feed(bytes, 0, bytes.length);
        List<LogLine> lines = buffer.readFrom(0, 10).lines();
        assertEquals("漢".repeat(21) + ControlChars.CUT_MARKER, lines.get(0).text());
        assertEquals("ok", lines.get(1).text());
    }

    @Test
    void feed_randomBytesStaySafeAndBounded() {
        Random random = new Random(42);
        LogBuffer buffer = new LogBuffer(5_000, 256 * 1024);
        OutputDecoder out = new OutputDecoder(buffer, Source.STDOUT);
        OutputDecoder err = new OutputDecoder(buffer, Source.STDERR);
        byte[] data = new byte[4 << 20];
        random.nextBytes(data);
        for (int i = 0; i < data.length; i += 97) {
            if (random.nextInt(4) == 0) {
                data[i] = (byte) (random.nextBoolean() ? '\n' : 0x1B); // more lines, more escapes
            }
        }
        int at = 0;
        while (at < data.length) {
            int len = Math.min(data.length - at, 1 + random.nextInt(64 * 1024));
            (random.nextBoolean() ? out : err).feed(data, at, len);
            at += len;
            LogSlice slice = buffer.tail(200);
            slice.lines().forEach(l -> Decode.assertSafe(l.text()));
        }
        out.finish();
        err.finish();
        assertTrue(buffer.nextSeq() - buffer.firstSeq() <= 5_000);
        LogSlice all = buffer.readFrom(buffer.firstSeq(), Integer.MAX_VALUE);
        long bytes = 0;
        for (LogLine line : all.lines()) {
            Decode.assertSafe(line.text());
            bytes += line.text().getBytes(UTF_8).length;
        }
        assertTrue(bytes <= 256 * 1024, "held " + bytes);
        assertTrue(buffer.totalAppended() > 5_000);
    }

    private static List<String> texts(byte[] bytes) {
        return Decode.lines(bytes).stream().map(LogLine::text).toList();
    }
}
