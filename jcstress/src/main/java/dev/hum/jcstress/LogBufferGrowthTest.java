package dev.hum.jcstress;

import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE;
import static org.openjdk.jcstress.annotations.Expect.ACCEPTABLE_INTERESTING;
import static org.openjdk.jcstress.annotations.Expect.FORBIDDEN;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSlice;
import dev.hum.log.Source;
import org.openjdk.jcstress.annotations.Actor;
import org.openjdk.jcstress.annotations.JCStressTest;
import org.openjdk.jcstress.annotations.Outcome;
import org.openjdk.jcstress.annotations.State;
import org.openjdk.jcstress.infra.results.ZZJ_Result;

/**
 * A {@link LogBuffer} grows its 64 KiB arena to 128 KiB while a reader reads its oldest lines: the larger ring
 * shares the old ring's segments instead of copying them, and the reader, which may still use the old ring, gets
 * each line's exact text or counts it as missed, never bytes the writer put there later.
 *
 * <p>The buffer holds 20 lines at most and has a byte bound of 1 MiB. Prefilled with one 4000-byte line, 40 of
 * 3000 and two of 4000 (seq 0..42), it holds seq 23..42, about 62 KiB that wrap the 64 KiB ring: the oldest held
 * bytes and the newest share its one segment, the case where the growth must copy both ends into new segments.
 * The writer appends four 4000-byte lines (seq 43..46): the first grows the ring, the last makes the held bytes
 * exceed 64 KiB, so a ring that had kept one shared segment for both ends would now overwrite seq 23..25 while
 * they are held. The reader calls {@code readFrom(23, 4)}.
 *
 * <p>Result: every returned line has its seq's text and source; the arithmetic holds; {@code missed}. Legal:
 * {@code true, true, 0} to {@code 4} (the line bound evicts seq 23..26 as seq 43..46 arrive). Forbidden:
 * {@code false, ...} (a torn or overwritten line decoded), {@code ..., false, ...} (lines lost or invented).
 */
@JCStressTest
@Outcome(id = "true, true, 0", expect = ACCEPTABLE, desc = "read before the growth's evictions: old lines intact")
@Outcome(id = "true, true, [1-4]", expect = ACCEPTABLE_INTERESTING, desc = "evicted lines counted as missed")
@Outcome(expect = FORBIDDEN, desc = "garbage text, broken arithmetic, or too many missed")
@State
public class LogBufferGrowthTest {

    private static final int PREFILL = 43;
    private static final int FROM = 23;

    private final LogBuffer buffer = new LogBuffer(20, 1 << 20);

    {
        for (int seq = 0; seq < PREFILL; seq++) {
            buffer.appendNotice(text(seq));
        }
    }

    static String text(long seq) {
        int length = seq == 0 || seq > 40 ? 4000 : 3000;
        String head = String.format("%06d:", seq);
        return head + String.valueOf((char) ('a' + seq % 26)).repeat(length - head.length());
    }

    @Actor
    public void pump() {
        for (int seq = PREFILL; seq < PREFILL + 4; seq++) {
            buffer.appendNotice(text(seq));
        }
    }

    @Actor
    public void reader(ZZJ_Result r) {
        LogSlice slice = buffer.readFrom(FROM, 4);
        boolean textsOk = true;
        long seq = FROM + slice.missed();
        boolean arithmeticOk = FROM + slice.missed() + slice.lines().size() == slice.nextSeq();
        for (LogLine line : slice.lines()) {
            arithmeticOk &= line.seq() == seq;
            textsOk &= line.source() == Source.HUM && line.text().equals(text(line.seq()));
            seq++;
        }
        r.r1 = textsOk;
        r.r2 = arithmeticOk;
        r.r3 = slice.missed();
    }
}
