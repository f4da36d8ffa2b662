package dev.hum.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

final class LogBufferStressTest {

    @Test
    void readFrom_neverReturnsTornLinesWhileTwoWritersWrap() throws Exception {
        stress(0, 0, 1 << 20, 2_000, false);
    }

    @Test
    void readFrom_neverReturnsTornLinesWithCountersNearLongMaxValue() throws Exception {
        stress(Long.MAX_VALUE - 200_000, Long.MAX_VALUE - 1_000_000, 1 << 20, 2_000, false);
    }

    @Test
    void readFrom_neverReturnsTornLinesWhenTheByteBoundEvicts() throws Exception {
        stress(0, 0, LogBuffer.MIN_BYTES, 2_000, false);
    }

    /** 100 lines in 64-line index blocks: firstSeq is almost always in the middle of a block. */
    @Test
    void readFrom_neverReturnsTornLinesWhenEvictionSplitsIndexBlocks() throws Exception {
        stress(Long.MAX_VALUE - 100_037, 0, 1 << 20, 100, false);
    }

    /** Other logs sharing the clock make the arrival steps overflow the index, so arrivals go into the records. */
    @Test
    void readFrom_neverReturnsTornLinesWhenArrivalsOverflowTheIndex() throws Exception {
        stress(-5, Long.MAX_VALUE - 1_000, LogBuffer.MIN_BYTES, 300, true);
    }

    /**
     * Two decoders (stdout, stderr) write lines whose text is a checksum of their own number, with colours, into a
     * small ring that wraps constantly; four readers follow cursors and tails and check every line they get.
     */
    private static void stress(long startSeq, long startPosition, long maxBytes, int maxLines, boolean noisyClock)
            throws Exception {
        AtomicLong clock = new AtomicLong(Long.MAX_VALUE - 1_000_000);
        LogBuffer buffer = new LogBuffer(maxLines, maxBytes, clock, startSeq, startPosition);
        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        AtomicLong checkedLines = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (Source source : new Source[] {Source.STDOUT, Source.STDERR}) {
            threads.add(new Thread(() -> write(buffer, source, stop, failures)));
        }
        if (noisyClock) {
            threads.add(new Thread(() -> {
                for (long n = 0; !stop.get(); n++) {
                    clock.addAndGet(n % 3 == 0 ? 300 : 1); // other logs appending
                    java.util.concurrent.locks.LockSupport.parkNanos(10_000);
                }
            }));
        }
        for (int r = 0; r < 4; r++) {
            boolean tails = r % 2 == 0;
            threads.add(new Thread(() -> read(buffer, tails, stop, failures, checkedLines)));
        }
        threads.forEach(Thread::start);
        // Run for at least a second and until enough work was done, however slow the machine is:
        // the minimums below are then a matter of work, not of speed.
        long started = System.nanoTime();
        while (System.nanoTime() - started < 1_000_000_000L
                || (buffer.totalAppended() <= 100_000 || checkedLines.get() <= 10_000)
                        && System.nanoTime() - started < 120_000_000_000L) {
            Thread.sleep(50);
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        assertTrue(failures.isEmpty(), () -> "failures: " + failures.peek());
        assertTrue(checkedLines.get() > 10_000, "checked " + checkedLines.get());
        assertTrue(buffer.totalAppended() > 100_000, "appended " + buffer.totalAppended());
        LogSlice all = buffer.readFrom(buffer.firstSeq(), Integer.MAX_VALUE);
        assertEquals(buffer.nextSeq() - buffer.firstSeq(), all.lines().size());
        assertTrue(all.lines().size() <= maxLines);
        if (maxBytes > LogBuffer.MIN_BYTES) {
            assertEquals(maxLines, all.lines().size()); // only the line bound applies
        }
        assertEquals(buffer.nextSeq(), all.nextSeq());
    }

    private static void write(
            LogBuffer buffer, Source source, AtomicBoolean stop, ConcurrentLinkedQueue<Throwable> failures) {
        try {
            OutputDecoder decoder = new OutputDecoder(buffer, source);
            StringBuilder b = new StringBuilder();
            long n = 0;
            while (!stop.get()) {
                b.setLength(0);
                int lines = 1 + (int) (n % 37);
                for (int i = 0; i < lines; i++, n++) {
                    b.append(expected(n, source)).append('\n');
                    if (n % 5 == 0) {
                        b.append("\u001b[3").append(n % 8).append('m'); // colour carried into the next line
                    }
                }
                byte[] bytes = b.toString().getBytes(UTF_8);
                decoder.feed(bytes, 0, bytes.length);
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    private static void read(
            LogBuffer buffer,
            boolean tails,
            AtomicBoolean stop,
            ConcurrentLinkedQueue<Throwable> failures,
            AtomicLong checked) {
        try {
            long cursor = buffer.firstSeq();
            while (!stop.get()) {
                LogSlice slice = tails ? buffer.tail(300) : buffer.readFrom(cursor, 500);
                LogLine previous = null;
                for (LogLine line : slice.lines()) {
                    if (previous != null && line.seq() != previous.seq() + 1) {
                        throw new AssertionError("seqs not contiguous: " + previous.seq() + " then " + line.seq());
                    }
                    if (previous != null && line.arrival() - previous.arrival() <= 0) {
                        throw new AssertionError("arrivals not increasing: " + previous + " then " + line);
                    }
                    previous = line;
                    check(line);
                }
                if (!tails) {
                    assertEquals(
                            slice.nextSeq() - cursor,
                            slice.missed() + slice.lines().size());
                    assertTrue(slice.missed() >= 0);
                    if (!slice.lines().isEmpty()) {
                        assertEquals(
                                cursor + slice.missed(), slice.lines().get(0).seq());
                    }
                    cursor = slice.nextSeq();
                }
                checked.addAndGet(slice.lines().size());
            }
        } catch (Throwable t) {
            failures.add(t);
        }
    }

    /** Text is "<source> <n> <checksum> <padding>", so a line mixed from two records cannot pass. */
    private static String expected(long n, Source source) {
        long sum = (n * 0x9E3779B97F4A7C15L) >>> 40;
        return source.name().charAt(3) + " " + n + " " + sum + " " + "=".repeat((int) (n % 50));
    }

    private static void check(LogLine line) {
        String text = line.text();
        String[] parts = text.split(" ", 4);
        Source source = parts[0].equals("O") ? Source.STDOUT : Source.STDERR;
        long n = Long.parseLong(parts[1]);
        if (!text.equals(expected(n, source)) || line.source() != source) {
            throw new AssertionError("torn line " + line);
        }
    }
}
