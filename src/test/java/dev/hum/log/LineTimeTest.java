package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Each line's wall-clock time: a long per index block, a varint in the record only when it differs from it. */
final class LineTimeTest {
    private static final long BASE = 1_796_000_000_000L; // 2026-12

    @Test
    void time_eachBatchKeepsTheClockReadingOfItsAppend() {
        AtomicLong wall = new AtomicLong(BASE);
        LogBuffer log = new LogBuffer(1000, LogBuffer.MIN_BYTES, new AtomicLong(), 0, 0, wall::get);
        long[] steps = {0, 1, 127, 128, 70_000, 1L << 40, 3};
        long[] expected = new long[steps.length * 10];
        int n = 0;
        for (long step : steps) {
            wall.addAndGet(step);
            for (int i = 0; i < 10; i++) { // 10 lines per batch: blocks of 64 open and continue across batches
                expected[n++] = wall.get();
            }
            feedLines(log, n - 10, n);
        }
        List<LogLine> lines = log.readFrom(0, 1000).lines();
        assertEquals(n, lines.size());
        for (int i = 0; i < n; i++) {
            assertEquals(expected[i], lines.get(i).time(), "time of line " + i);
            assertEquals("line " + i, lines.get(i).text());
            assertEquals(i, lines.get(i).arrival());
        }
    }

    @Test
    void time_neverGoesBackWhenTheWallClockDoes() {
        AtomicLong wall = new AtomicLong(BASE);
        LogBuffer log = new LogBuffer(100, LogBuffer.MIN_BYTES, new AtomicLong(), 0, 0, wall::get);
        log.appendNotice("before");
        wall.addAndGet(-5_000); // the clock was set back (NTP)
        log.appendNotice("after");
        List<LogLine> lines = log.readFrom(0, 10).lines();
        assertEquals(BASE, lines.get(0).time());
        assertEquals(BASE, lines.get(1).time());
    }

    @Test
    void time_survivesGrowthEvictionAndSeqsAcrossLongMaxValue() {
        AtomicLong wall = new AtomicLong(BASE);
        LogBuffer log = new LogBuffer(
                300, LogBuffer.MIN_BYTES, new AtomicLong(), Long.MAX_VALUE - 100, Long.MAX_VALUE - 50, wall::get);
        for (int batch = 0; batch < 40; batch++) {
            wall.addAndGet(batch % 3 == 0 ? 0 : 1_000 * batch);
            feedLines(log, batch * 25, batch * 25 + 25); // grows the arrays, then evicts mid-block
        }
        LogSlice all = log.readFrom(log.firstSeq(), 1000);
        assertEquals(300, all.lines().size());
        long previous = Long.MIN_VALUE;
        for (LogLine line : all.lines()) {
            int i = Integer.parseInt(line.text().substring("line ".length()));
            assertEquals(timeOfBatch(i / 25), line.time(), "time of " + line.text());
            assertEquals(true, line.time() >= previous);
            previous = line.time();
        }
    }

    @Test
    void storedBytes_aTimeDeltaCostsItsVarintOnlyWhereTheLineIsLaterThanItsBlock() {
        AtomicLong wall = new AtomicLong(BASE);
        LogBuffer same = new LogBuffer(1000, LogBuffer.MIN_BYTES, new AtomicLong(), 0, 0, () -> BASE);
        LogBuffer later = new LogBuffer(1000, LogBuffer.MIN_BYTES, new AtomicLong(), 0, 0, wall::get);
        feedLines(same, 0, 1);
        feedLines(later, 0, 1); // opens block 0 at BASE
        wall.addAndGet(100); // one byte
        feedLines(same, 1, 3);
        feedLines(later, 1, 3);
        wall.addAndGet(70_000); // 70,100 ms after the base: three bytes
        feedLines(same, 3, 4);
        feedLines(later, 3, 4);
        assertEquals(2 * 1 + 3, later.storedBytes() - same.storedBytes());
        feedLines(same, 4, 64);
        feedLines(later, 4, 64);
        long before = later.storedBytes() - same.storedBytes();
        wall.addAndGet(5_000);
        feedLines(same, 64, 80); // opens block 1: its lines take its base, no delta
        feedLines(later, 64, 80);
        assertEquals(before, later.storedBytes() - same.storedBytes());
    }

    @Test
    void search_findsTextBehindATimeDeltaAndAnArrivalInTheRecord() {
        AtomicLong wall = new AtomicLong(BASE);
        AtomicLong clock = new AtomicLong();
        LogBuffer log = new LogBuffer(1000, LogBuffer.MIN_BYTES, clock, 0, 0, wall::get);
        log.appendNotice("first");
        wall.addAndGet(90_000);
        clock.addAndGet(10_000); // other logs wrote lines meanwhile: the arrival goes into the record too
        byte[] coloured = "\u001b[31mneedle\u001b[0m here\n".getBytes(UTF_8);
        new OutputDecoder(log, Source.STDOUT).feed(coloured, 0, coloured.length);
        List<LogLine> hits = LogSearch.plain("needle").collect(log, 0, 10);
        assertEquals(1, hits.size());
        assertEquals("needle here", hits.get(0).text());
        assertEquals(BASE + 90_000, hits.get(0).time());
        assertEquals(10_001, hits.get(0).arrival());
    }

    private static long timeOfBatch(int batch) {
        long t = BASE;
        for (int b = 0; b <= batch; b++) {
            t += b % 3 == 0 ? 0 : 1_000 * b;
        }
        return t;
    }

    private static void feedLines(LogBuffer log, int from, int to) {
        LogBufferTest.feed(log, from, to);
    }
}
