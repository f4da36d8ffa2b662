package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The matches of one log: growth at both ends, drops, and snapshots that never change once published. */
final class HitListTest {

    @Test
    void appendPrependAndDrop_keepOrder_andPublishedSnapshotsNeverChange() {
        HitList list = new HitList();
        for (long seq = 1000; seq < 1100; seq++) {
            list.append(seq, seq * 10);
        }
        list.publish();
        HitList.Snapshot first = list.snapshot();
        long[] firstSeqs = seqs(first);
        assertEquals(100, first.size());

        long[] older = new long[500];
        long[] olderArrivals = new long[500];
        for (int i = 0; i < 500; i++) {
            older[i] = 500 + i;
            olderArrivals[i] = (500 + i) * 10L;
        }
        list.prepend(older, olderArrivals, 500);
        list.publish();
        HitList.Snapshot second = list.snapshot();
        assertEquals(600, second.size());
        assertEquals(500, second.seqs()[second.from()]);

        list.dropBefore(700); // the ring dropped seqs below 700
        list.publish();
        HitList.Snapshot third = list.snapshot();
        assertEquals(400, third.size());
        long[] thirdSeqs = seqs(third);

        // A prepend after a drop must not write into what `third` (or `second`) covers.
        list.prepend(new long[] {600, 650}, new long[] {6000, 6500}, 2);
        for (long seq = 1100; seq < 1300; seq++) {
            list.append(seq, seq * 10);
        }
        list.publish();
        assertArrayEquals(firstSeqs, seqs(first), "the first snapshot");
        assertArrayEquals(thirdSeqs, seqs(third), "the snapshot after the drop");
        HitList.Snapshot last = list.snapshot();
        assertEquals(602, last.size());
        long[] all = seqs(last);
        for (int i = 1; i < all.length; i++) {
            assertEquals(true, all[i] > all[i - 1], "in order at " + i);
        }
        assertEquals(last.from() + 2, last.firstAtOrAfter(7000));
        assertEquals(last.to(), last.firstAtOrAfter(Long.MAX_VALUE));
        assertEquals(last.from(), last.firstAtOrAfter(0));
        assertEquals(200, list.appended() - 100, "matches appended since the first publish");
    }

    private static long[] seqs(HitList.Snapshot s) {
        return Arrays.copyOfRange(s.seqs(), s.from(), s.to());
    }
}
