package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class LogBufferTest {

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
