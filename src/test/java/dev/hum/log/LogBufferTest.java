package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class LogBufferTest {

    @Test
    void firstSeqArrivingAtOrAfter_findsItsPlaceAmongAnotherLogsArrivals() {
        AtomicLong clock = new AtomicLong();
        LogBuffer web = new LogBuffer(100, LogBuffer.MIN_BYTES, clock);
        LogBuffer api = new LogBuffer(100, LogBuffer.MIN_BYTES, clock);
        for (int i = 0; i < 10; i++) {
            web.appendNotice("web " + i); // arrivals 0, 2, 4, ...
            api.appendNotice("api " + i); // arrivals 1, 3, 5, ...
        }
        assertEquals(0, web.firstSeqArrivingAtOrAfter(0));
        assertEquals(3, web.firstSeqArrivingAtOrAfter(5)); // web's seq 3 arrived at 6
        assertEquals(3, web.firstSeqArrivingAtOrAfter(6));
        assertEquals(2, api.firstSeqArrivingAtOrAfter(5));
        assertEquals(web.nextSeq(), web.firstSeqArrivingAtOrAfter(20));
        assertEquals(web.nextSeq(), web.firstSeqArrivingAtOrAfter(Long.MAX_VALUE));
    }

    @Test
    void appendNotice_returnsContiguousSeqsFromZero() {
        LogBuffer buffer = new LogBuffer(10, LogBuffer.MIN_BYTES);
        assertEquals(0, buffer.appendNotice("── run 1 ──"));
        assertEquals(1, buffer.appendNotice("failed to start:\tno such file\n"));
        List<LogLine> lines = buffer.readFrom(0, 10).lines();
        assertEquals(Source.HUM, lines.get(1).source());
        assertEquals("failed to start: no such file\u240a", lines.get(1).text());
        assertEquals(2, buffer.nextSeq());
    }

    @Test
    void appendNotice_dropsBidirectionalControls() {
        LogBuffer buffer = new LogBuffer(10, LogBuffer.MIN_BYTES);
        buffer.appendNotice("failed: cmd\u202Eexe.txt\u202C \u2066x\u2069");
        assertEquals(
                "failed: cmdexe.txt x", buffer.readFrom(0, 1).lines().get(0).text());
    }

    @Test
    void readFrom_wrapsByLineCountAndReportsMissed() {
        LogBuffer buffer = new LogBuffer(100, LogBuffer.MIN_BYTES);
        feed(buffer, 0, 250);
        assertEquals(150, buffer.firstSeq());
        assertEquals(250, buffer.nextSeq());
        assertEquals(250, buffer.totalAppended());
        LogSlice slice = buffer.readFrom(120, 20);
        assertEquals(30, slice.missed());
        assertEquals(20, slice.lines().size());
        assertEquals("line 150", slice.lines().get(0).text());
        assertEquals(170, slice.nextSeq());
        LogSlice rest = buffer.readFrom(slice.nextSeq(), 1000);
        assertEquals(0, rest.missed());
        assertEquals(80, rest.lines().size());
        assertEquals(250, rest.nextSeq());
        assertEquals(0, buffer.readFrom(250, 10).lines().size());
    }

    @Test
    void readFrom_wrapsByByteBound() {
        LogBuffer buffer = new LogBuffer(100_000, LogBuffer.MIN_BYTES);
        String pad = "x".repeat(1000);
        for (int i = 0; i < 500; i++) {
            buffer.appendNotice(i + " " + pad);
        }
        long held = buffer.nextSeq() - buffer.firstSeq();
        assertTrue(held >= 60 && held <= 65, "held " + held);
        LogSlice all = buffer.readFrom(0, 1000);
        assertEquals(buffer.firstSeq(), all.missed());
        long bytes = all.lines().stream()
                .mapToLong(l -> l.text().getBytes(UTF_8).length + 1)
                .sum();
        assertTrue(bytes <= LogBuffer.MIN_BYTES);
        assertEquals(499 + " " + pad, all.lines().get(all.lines().size() - 1).text());
    }

    @Test
    void tail_returnsNewestLines() {
        LogBuffer buffer = new LogBuffer(1000, LogBuffer.MIN_BYTES);
        feed(buffer, 0, 30);
        LogSlice tail = buffer.tail(5);
        assertEquals(List.of("line 25", "line 26", "line 27", "line 28", "line 29"), texts(tail));
        assertEquals(30, tail.nextSeq());
        assertEquals(30, buffer.tail(100).lines().size());
        assertEquals(0, buffer.tail(100).missed());
    }

    @Test
    void arrival_sharedClockOrdersTwoBuffers() {
        AtomicLong clock = new AtomicLong();
        LogBuffer a = new LogBuffer(10, LogBuffer.MIN_BYTES, clock);
        LogBuffer b = new LogBuffer(10, LogBuffer.MIN_BYTES, clock);
        a.appendNotice("a0");
        b.appendNotice("b0");
        a.appendNotice("a1");
        assertEquals(0, a.readFrom(0, 5).lines().get(0).arrival());
        assertEquals(1, b.readFrom(0, 5).lines().get(0).arrival());
        assertEquals(2, a.readFrom(0, 5).lines().get(1).arrival());
    }

    @Test
    void readFrom_countersNearLongMaxValue() {
        long start = Long.MAX_VALUE - 40;
        LogBuffer buffer = new LogBuffer(16, LogBuffer.MIN_BYTES, new AtomicLong(Long.MAX_VALUE - 5), start, -100);
        feed(buffer, 0, 100);
        assertEquals(start + 100, buffer.nextSeq()); // wrapped to negative
        assertEquals(100, buffer.totalAppended());
        LogSlice slice = buffer.readFrom(start + 50, 100);
        assertEquals(34, slice.missed());
        assertEquals(16, slice.lines().size());
        for (int i = 0; i < 16; i++) {
            LogLine line = slice.lines().get(i);
            assertEquals(start + 84 + i, line.seq());
            assertEquals("line " + (84 + i), line.text());
        }
        assertEquals(start + 100, slice.nextSeq());
        assertEquals("line 99", buffer.tail(1).lines().get(0).text());
    }

    @Test
    void readFrom_bytePositionsAcrossLongMaxValue() {
        LogBuffer buffer = new LogBuffer(1000, LogBuffer.MIN_BYTES, new AtomicLong(), 0, Long.MAX_VALUE - 3000);
        String pad = "y".repeat(500);
        for (int i = 0; i < 400; i++) {
            buffer.appendNotice(i + pad);
        }
        LogSlice tail = buffer.tail(1000);
        assertTrue(tail.lines().size() > 100);
        for (LogLine line : tail.lines()) {
            assertEquals(line.seq() + pad, line.text());
        }
    }

    @Test
    void memory_storedBytesStayWithinTwiceTheText() {
        LogBuffer buffer = new LogBuffer(100_000, 64L << 20);
        OutputDecoder decoder = new OutputDecoder(buffer, Source.STDOUT);
        StringBuilder chunk = new StringBuilder();
        long raw = 0;
        for (int i = 0; i < 100_000; i++) {
            String line = String.format("2025-01-01T10:00:00 GET /api/items/%06d 200%n", i);
            raw += line.length();
            chunk.append(line);
            if (chunk.length() > 60_000) {
                byte[] bytes = chunk.toString().getBytes(UTF_8);
                decoder.feed(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
        }
        byte[] bytes = chunk.toString().getBytes(UTF_8);
        decoder.feed(bytes, 0, bytes.length);
        assertEquals(100_000, buffer.totalAppended());
        assertTrue(buffer.storedBytes() <= 2 * raw, buffer.storedBytes() + " for " + raw);
        assertTrue(buffer.allocatedBytes() <= 4 * raw, buffer.allocatedBytes() + " for " + raw);
    }

    @Test
    void readFrom_linesAcrossIndexBlocks() {
        // start in the middle of an index block, at a position that wraps, and publish batches of awkward sizes
        LogBuffer buffer = new LogBuffer(1000, LogBuffer.MIN_BYTES, new AtomicLong(), 37, Long.MAX_VALUE - 500);
        int n = 0;
        for (int size : new int[] {1, 26, 1, 63, 64, 65, 127, 2, 150}) {
            feed(buffer, n, n + size);
            n += size;
        }
        assertEquals(37 + n, buffer.nextSeq());
        for (int from = 0; from < n; from += 7) {
            for (int count : new int[] {1, 2, 63, 64, 65, 200}) {
                List<LogLine> lines = buffer.readFrom(37 + from, count).lines();
                assertEquals(Math.min(count, n - from), lines.size());
                for (int i = 0; i < lines.size(); i++) {
                    assertEquals(37 + from + i, lines.get(i).seq());
                    assertEquals("line " + (from + i), lines.get(i).text());
                    assertEquals(from + i, lines.get(i).arrival());
                }
            }
        }
    }

    @Test
    void readFrom_evictionInTheMiddleOfAnIndexBlock() {
        LogBuffer buffer = new LogBuffer(100, LogBuffer.MIN_BYTES);
        for (int n = 0; n < 1000; n += 30) {
            feed(buffer, n, n + 30); // firstSeq lands on every residue of the 64-line blocks
            long first = buffer.firstSeq();
            assertEquals(Math.max(0, n + 30 - 100), first);
            LogSlice all = buffer.readFrom(0, 1000);
            assertEquals(first, all.missed());
            assertEquals("line " + first, all.lines().get(0).text());
            assertEquals(
                    "line " + (n + 29), all.lines().get(all.lines().size() - 1).text());
            assertEquals(first, all.lines().get(0).arrival());
        }
    }

    @Test
    void arrival_stepTooLargeForTheIndexGoesIntoTheRecord() {
        AtomicLong clock = new AtomicLong(Long.MAX_VALUE - 1000);
        // one wall-clock time for both, so only the arrivals differ
        LogBuffer quiet = new LogBuffer(1000, LogBuffer.MIN_BYTES, clock, Long.MAX_VALUE - 3, 0, () -> 0L);
        LogBuffer same = new LogBuffer(1000, LogBuffer.MIN_BYTES, new AtomicLong(), Long.MAX_VALUE - 3, 0, () -> 0L);
        OutputDecoder quietOut = new OutputDecoder(quiet, Source.STDOUT);
        OutputDecoder sameOut = new OutputDecoder(same, Source.STDOUT);
        List<Long> expected = new java.util.ArrayList<>();
        for (int round = 0; round < 200; round++) {
            expected.add(clock.get());
            if (round % 2 == 0) {
                quiet.appendNotice("quiet " + round);
                same.appendNotice("quiet " + round);
            } else {
                byte[] coloured = ("quiet " + round + " \u001b[31mred\n").getBytes(UTF_8);
                quietOut.feed(coloured, 0, coloured.length);
                sameOut.feed(coloured, 0, coloured.length);
            }
            // as if other logs on the shared clock had appended that many lines: steps that fit and steps that do not
            clock.addAndGet(round % 4 == 0 ? 1 : round % 4 == 1 ? 253 : round % 4 == 2 ? 254 : 5000);
        }
        LogSlice all = quiet.readFrom(quiet.firstSeq(), 1000);
        assertEquals(200, all.lines().size());
        for (int round = 0; round < 200; round++) {
            LogLine line = all.lines().get(round);
            assertEquals(Long.MAX_VALUE - 3 + round, line.seq());
            assertEquals(expected.get(round), line.arrival(), "arrival of round " + round);
            assertEquals(round % 2 == 0 ? "quiet " + round : "quiet " + round + " red", line.text());
            assertEquals(round % 2 == 0 ? Source.HUM : Source.STDOUT, line.source());
            assertEquals(round % 2 == 0, line.styles().equals(StyleRuns.NONE), "styles of round " + round);
        }
        // the arrivals that did not fit took 8 bytes each in their records, and nothing else differs
        long extra = quiet.storedBytes() - same.storedBytes();
        assertTrue(extra > 8 * 100 && extra < 8 * 200 && extra % 8 == 0, "extra " + extra);
    }

    @Test
    void memory_seqLinesTakeUnderOneAndAHalfTimesTheText() {
        // The design (../shared/DESIGN.md §4): stored bytes per line <= 2x the raw text, after 1,000,000 `seq` lines,
        // scrollback 100,000
        // one wall-clock time for all, as a flood's chunks within a millisecond: LineTimeTest covers the deltas
        LogBuffer buffer = new LogBuffer(100_000, 32L << 20, new AtomicLong(), 0, 0, () -> 1_700_000_000_000L);
        OutputDecoder decoder = new OutputDecoder(buffer, Source.STDOUT);
        StringBuilder chunk = new StringBuilder();
        for (int i = 1; i <= 1_000_000; i++) {
            chunk.append(i).append('\n');
            if (chunk.length() >= 65_536 || i == 1_000_000) {
                byte[] bytes = chunk.toString().getBytes(UTF_8);
                decoder.feed(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
        }
        assertEquals(100_000, buffer.nextSeq() - buffer.firstSeq());
        long raw = 0;
        for (int i = 900_001; i <= 1_000_000; i++) {
            raw += Integer.toString(i).length() + 1;
        }
        // the held seqs [900,000, 1,000,000) span index blocks 14,062 to 15,624
        long blocks = 999_999 / 64 - 900_000 / 64 + 1;
        long records = raw; // a one-byte header instead of the newline
        assertEquals(records + 3 * 100_000 + 24 * blocks, buffer.storedBytes());
        assertTrue(buffer.storedBytes() <= 1.5 * raw, buffer.storedBytes() + " for " + raw);
        assertTrue(buffer.allocatedBytes() <= 4 * raw, buffer.allocatedBytes() + " for " + raw);
    }

    static void feed(LogBuffer buffer, int from, int to) {
        OutputDecoder decoder = new OutputDecoder(buffer, Source.STDOUT);
        StringBuilder b = new StringBuilder();
        for (int i = from; i < to; i++) {
            b.append("line ").append(i).append('\n');
        }
        byte[] bytes = b.toString().getBytes(UTF_8);
        decoder.feed(bytes, 0, bytes.length);
    }

    private static List<String> texts(LogSlice slice) {
        return slice.lines().stream().map(LogLine::text).toList();
    }
}
