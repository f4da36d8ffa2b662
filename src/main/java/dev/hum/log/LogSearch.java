package dev.hum.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds lines of a {@link LogBuffer} matching a case-insensitive string or a regex, and the matches in a line. */
public final class LogSearch {
    /*
     * Immutable and thread-safe: a Pattern is shareable and every call makes its own Matcher. It reads the
     * buffer as any reader does, in slices of BATCH lines, so it never blocks the pumps; lines the ring drops
     * while a search runs are simply not searched.
     */

    private static final int BATCH = 2048;

    private final Pattern pattern;

    private LogSearch(Pattern pattern) {
        this.pattern = pattern;
    }

    /** Matches {@code needle} literally, ignoring case (Unicode-aware). */
    public static LogSearch plain(String needle) {
        return new LogSearch(Pattern.compile(Pattern.quote(needle), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
    }

    public static LogSearch regex(Pattern pattern) {
        return new LogSearch(pattern);
    }

    public Pattern pattern() {
        return pattern;
    }

    public boolean matches(String text) {
        return pattern.matcher(text).find();
    }

    /** Char ranges of the matches in {@code text}, for highlighting: {@code [start0, end0, start1, end1, ...]}. */
    public int[] matchRanges(String text) {
        Matcher m = pattern.matcher(text);
        int[] out = new int[8];
        int n = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                continue; // an empty match has nothing to highlight
            }
            if (n + 2 > out.length) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = m.start();
            out[n++] = m.end();
        }
        return Arrays.copyOf(out, n);
    }

    /** Seq of the first matching line at or after {@code fromSeq}; with {@code wrap}, then from the oldest line. */
    public OptionalLong next(LogBuffer buffer, long fromSeq, boolean wrap) {
        long first = buffer.firstSeq();
        long end = buffer.nextSeq();
        long from = fromSeq - first < 0 ? first : fromSeq - end > 0 ? end : fromSeq;
        OptionalLong hit = forward(buffer, from, end);
        return hit.isPresent() || !wrap ? hit : forward(buffer, first, from);
    }

    /** Seq of the last matching line at or before {@code fromSeq}; with {@code wrap}, then from the newest line. */
    public OptionalLong previous(LogBuffer buffer, long fromSeq, boolean wrap) {
        long first = buffer.firstSeq();
        long end = buffer.nextSeq();
        long upTo = fromSeq - end >= 0 ? end : fromSeq - first < 0 ? first : fromSeq + 1;
        OptionalLong hit = backward(buffer, first, upTo);
        return hit.isPresent() || !wrap ? hit : backward(buffer, upTo, end);
    }

    /** Up to {@code max} matching lines with seq at or after {@code fromSeq}, oldest first. */
    public List<LogLine> collect(LogBuffer buffer, long fromSeq, int max) {
        List<LogLine> out = new ArrayList<>();
        long cursor = fromSeq;
        long end = buffer.nextSeq();
        while (out.size() < max && end - cursor > 0) {
            LogSlice slice = buffer.readFrom(cursor, (int) Math.min(BATCH, end - cursor));
            for (LogLine line : slice.lines()) {
                if (out.size() < max && matches(line.text())) {
                    out.add(line);
                }
            }
            if (slice.nextSeq() == cursor) {
                break;
            }
            cursor = slice.nextSeq();
        }
        return out;
    }

    private OptionalLong forward(LogBuffer buffer, long from, long end) {
        long cursor = from;
        while (end - cursor > 0) {
            LogSlice slice = buffer.readFrom(cursor, (int) Math.min(BATCH, end - cursor));
            for (LogLine line : slice.lines()) {
                if (end - line.seq() > 0 && matches(line.text())) {
                    return OptionalLong.of(line.seq());
                }
            }
            if (slice.nextSeq() == cursor) {
                break;
            }
            cursor = slice.nextSeq();
        }
        return OptionalLong.empty();
    }

    /** Searches [low, high) from the newest line down. */
    private OptionalLong backward(LogBuffer buffer, long low, long high) {
        long hi = high;
        while (hi - low > 0) {
            long lo = hi - low > BATCH ? hi - BATCH : low;
            List<LogLine> lines = buffer.readFrom(lo, (int) (hi - lo)).lines();
            for (int i = lines.size() - 1; i >= 0; i--) {
                LogLine line = lines.get(i);
                if (hi - line.seq() > 0 && matches(line.text())) {
                    return OptionalLong.of(line.seq());
                }
            }
            hi = lo;
        }
        return OptionalLong.empty();
    }
}
