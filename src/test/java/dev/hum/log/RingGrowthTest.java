package dev.hum.log;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A log's arena grows by handing its segments to the larger ring, never by copying them. */
final class RingGrowthTest {

    private static final int SEGMENT = RingStorage.SEGMENT;

    @Test
    void grownFrom_sharesTheSegmentsThatHoldLinesAndMovesNothing() {
        RingStorage small = new RingStorage(2 * SEGMENT, 1024);
        long low = 10L * SEGMENT + 100; // held: [low, head) across three absolute segments
        long head = 12L * SEGMENT + 50;
        byte[] bytes = pattern((int) (head - low));
        small.put(low, bytes, 0, bytes.length);

        RingStorage big = small.grownFrom(8 * SEGMENT, 1024, low, head);

        assertEquals(8 * SEGMENT, big.arenaBytes());
        // segment 10 and segment 12 share segment 0 of the small ring: both are copied into segments of their own
        assertNotSame(small.segment(low), big.segment(low));
        assertNotSame(small.segment(head - 1), big.segment(head - 1));
        assertNotSame(big.segment(low), big.segment(head - 1));
        assertSame(small.segment(11L * SEGMENT), big.segment(11L * SEGMENT));
        byte[] read = new byte[bytes.length];
        big.get(low, read, read.length);
        assertTrue(Arrays.equals(bytes, read), "the held bytes read back");
    }

    @Test
    void grownFrom_heldBytesThatDoNotWrapShareEverySegment() {
        RingStorage small = new RingStorage(2 * SEGMENT, 1024);
        long low = -SEGMENT + 7; // across zero, within two segments of the small ring
        long head = SEGMENT - 9;
        byte[] bytes = pattern((int) (head - low));
        small.put(low, bytes, 0, bytes.length);

        RingStorage big = small.grownFrom(4 * SEGMENT, 2048, low, head);

        assertSame(small.segment(low), big.segment(low));
        assertSame(small.segment(head - 1), big.segment(head - 1));
        byte[] read = new byte[bytes.length];
        big.get(low, read, read.length);
        assertTrue(Arrays.equals(bytes, read), "the held bytes read back");
        // the writer's next bytes go to a new segment, not over the held ones
        assertNotSame(small.segment(head + SEGMENT), big.segment(head + SEGMENT));
    }

    /**
     * Lines that wrap the smallest ring, then longer ones that make it grow twice, at byte positions of every
     * phase (across Long.MAX_VALUE too): after each append the newest lines read back exactly, so no growth lost
     * a held byte or let the writer overwrite one.
     */
    @Test
    void append_growthAtEveryPhaseKeepsEveryHeldLine() {
        int maxLines = 60;
        for (long start : new long[] {0, 777, Long.MAX_VALUE - 40_000, -SEGMENT / 3}) {
            for (int shortLines = 0; shortLines < 300; shortLines += 37) {
                LogBuffer buffer = new LogBuffer(maxLines, 1L << 20, new AtomicLong(), 0, start);
                ArrayDeque<String> expected = new ArrayDeque<>();
                for (int i = 0; i < shortLines + 150; i++) {
                    String text = line(i, i < shortLines ? 1000 : 4000);
                    buffer.appendNotice(text);
                    expected.addLast(text);
                    if (expected.size() > maxLines) {
                        expected.removeFirst();
                    }
                    List<String> tail = buffer.tail(maxLines).lines().stream()
                            .map(LogLine::text)
                            .toList();
                    assertEquals(List.copyOf(expected), tail, "start " + start + ", line " + i);
                }
                assertEquals(256 * 1024, buffer.allocatedBytes() - indexBytes(buffer));
            }
        }
    }

    private static long indexBytes(LogBuffer buffer) {
        // the arena is a power of two of segments; the index is what is left
        return buffer.allocatedBytes() % SEGMENT;
    }

    private static String line(int i, int length) {
        String head = i + ":";
        return head + String.valueOf((char) ('a' + i % 26)).repeat(length - head.length());
    }

    private static byte[] pattern(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (i * 31 + 7);
        }
        return bytes;
    }
}
