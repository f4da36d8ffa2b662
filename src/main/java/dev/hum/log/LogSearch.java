package dev.hum.log;

import com.google.re2j.PatternSyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Finds lines of a {@link LogBuffer} that match a query, and the matches in a line: plain text ignoring case (the
 * dashboard's {@code /}, an agent's text search) or an RE2 regex (an agent's pattern). The one search of hum: the
 * one-process view, the all-processes view ({@link MergedLog}) and agents all go through it.
 */
public final class LogSearch {
    /*
     * Immutable and thread-safe: a compiled pattern is shareable and every scan makes its own matcher. It reads the
     * buffer as any reader does, in slices of BATCH lines, so it never blocks the pumps; lines the ring drops while a
     * search runs are simply not searched. Between slices a scan checks its thread's interrupt flag, so a search
     * worker whose search was cancelled (Esc, a new query) stops within one slice.
     *
     * It matches on the copied records, not on LogLines: a plain ASCII needle first rejects lines on their UTF-8
     * bytes (ASCII case folding; a line with a non-ASCII character that folds to ASCII, such as the Kelvin sign,
     * always goes on), and a line that may match has only its text decoded, into a reused char array, for the
     * matcher to decide. A scan allocates per batch, not per line.
     *
     * Regexes run on RE2/J, which matches in time linear in the line whatever the pattern: a pattern runs on hum's
     * threads against lines that children wrote, and java.util.regex can backtrack for hours on a pattern of forty
     * characters (nested repeats, or empty alternatives that never read a character).
     */

    private static final int BATCH = 2048;

    private final String query;
    private final Query compiled;

    /** The needle in lower-case ASCII bytes, or null when the byte prefilter does not apply. */
    private final byte @Nullable [] folded;

    private LogSearch(String query, Query compiled, byte @Nullable [] folded) {
        this.query = query;
        this.compiled = compiled;
        this.folded = folded;
    }

    /** Matches {@code needle} literally, ignoring case (Unicode-aware). */
    public static LogSearch plain(String needle) {
        Pattern pattern = Pattern.compile(Pattern.quote(needle), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        boolean ascii = !needle.isEmpty() && needle.chars().allMatch(c -> c < 0x80);
        byte @Nullable [] folded = ascii ? needle.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII) : null;
        return new LogSearch(needle, () -> new JdkMatcher(pattern.matcher("")), folded);
    }

    /**
     * Matches the RE2 regex {@code regex} (the syntax of Go and ripgrep: no backreferences or lookaround), case
     * sensitive unless it says {@code (?i)}.
     *
     * @throws IllegalArgumentException when it is not a valid RE2 regex, with a message that says what is wrong
     */
    public static LogSearch regex(String regex) {
        try {
            com.google.re2j.Pattern pattern = com.google.re2j.Pattern.compile(regex);
            return new LogSearch(regex, () -> new Re2Matcher(pattern.matcher("")), null);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("not a valid regex: " + e.getDescription() + " in `" + e.getPattern()
                    + "` (RE2 syntax, as in Go and ripgrep: no backreferences or lookaround)");
        }
    }

    /** The text or regex as the user or agent wrote it. */
    public String query() {
        return query;
    }

    public boolean matches(String text) {
        return compiled.matcher().find(text);
    }

    /** Char ranges of the matches in {@code text}, for highlighting: {@code [start0, end0, start1, end1, ...]}. */
    public int[] matchRanges(String text) {
        LineMatcher m = compiled.matcher();
        m.reset(text);
        int[] out = new int[8];
        int n = 0;
        while (m.find()) {
            if (m.end() == m.start()) {
                if (m.end() >= text.length()) {
                    break;
                }
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
        Scan scan = new Scan();
        OptionalLong hit = scan.forward(buffer, from, end);
        return hit.isPresent() || !wrap ? hit : scan.forward(buffer, first, from);
    }

    /** Seq of the last matching line at or before {@code fromSeq}; with {@code wrap}, then from the newest line. */
    public OptionalLong previous(LogBuffer buffer, long fromSeq, boolean wrap) {
        long first = buffer.firstSeq();
        long end = buffer.nextSeq();
        long upTo = fromSeq - end >= 0 ? end : fromSeq - first < 0 ? first : fromSeq + 1;
        Scan scan = new Scan();
        OptionalLong hit = scan.backward(buffer, first, upTo);
        return hit.isPresent() || !wrap ? hit : scan.backward(buffer, upTo, end);
    }

    /** Up to {@code max} matching lines with seq at or after {@code fromSeq}, oldest first. */
    public List<LogLine> collect(LogBuffer buffer, long fromSeq, int max) {
        List<LogLine> out = new ArrayList<>();
        Scan scan = new Scan();
        CopiedLines copy = scan.copy;
        long cursor = fromSeq;
        long end = buffer.nextSeq();
        while (out.size() < max && end - cursor > 0) {
            checkCancelled();
            buffer.copy(cursor, (int) Math.min(BATCH, end - cursor), copy);
            for (long seq = copy.firstIntact(); out.size() < max && copy.end() - seq > 0; seq++) {
                if (scan.matches(seq)) {
                    out.add(copy.decode(seq));
                }
            }
            if (copy.nextSeq() == cursor) {
                break;
            }
            cursor = copy.nextSeq();
        }
        return out;
    }

    /**
     * Whether any line held with seq from {@code fromSeq} on may match one of {@code searches}: the lines are copied
     * once and tested on their bytes by each plain search's prefilter, none decoded (a search without one, a regex,
     * answers true). For a reader that runs several searches over each few new lines and mostly finds nothing (the
     * sampler's URL and port-conflict marks over "tick 41"): one copy instead of one per search.
     */
    public static boolean anyMayMatch(List<LogSearch> searches, LogBuffer buffer, long fromSeq) {
        for (LogSearch search : searches) {
            if (search.folded == null) {
                return true;
            }
        }
        CopiedLines copy = new CopiedLines();
        long cursor = fromSeq;
        long end = buffer.nextSeq();
        while (end - cursor > 0) {
            buffer.copy(cursor, (int) Math.min(BATCH, end - cursor), copy);
            byte[] bytes = copy.bytes;
            for (long seq = copy.firstIntact(); copy.end() - seq > 0; seq++) {
                int from = LineRecord.textStart(bytes, copy.from(seq));
                int to = copy.to(seq);
                for (LogSearch search : searches) {
                    if (mayContain(Objects.requireNonNull(search.folded), bytes, from, to)) {
                        return true;
                    }
                }
            }
            if (copy.nextSeq() == cursor) {
                break;
            }
            cursor = copy.nextSeq();
        }
        return false;
    }

    /** Takes the matching lines of a scan, as they are found: a line's seq and its arrival. */
    @FunctionalInterface
    public interface Hits {
        void add(long seq, long arrival);
    }

    /**
     * Hands every matching line held with seq in [{@code fromSeq}, {@code toSeq}) to {@code hits}, oldest first,
     * without decoding the lines that do not match (a filter over a whole scrollback); lines the ring drops meanwhile
     * are skipped.
     */
    public void forEachMatch(LogBuffer buffer, long fromSeq, long toSeq, Hits hits) {
        Scan scan = new Scan();
        CopiedLines copy = scan.copy;
        long cursor = fromSeq;
        while (toSeq - cursor > 0) {
            checkCancelled();
            buffer.copy(cursor, (int) Math.min(BATCH, toSeq - cursor), copy);
            for (long seq = copy.firstIntact(); copy.end() - seq > 0 && toSeq - seq > 0; seq++) {
                if (scan.matches(seq)) {
                    hits.add(seq, copy.arrival(seq));
                }
            }
            if (copy.nextSeq() - cursor <= 0) {
                break;
            }
            cursor = copy.nextSeq();
        }
    }

    /** The newest {@code max} matching lines held, oldest first. */
    public List<LogLine> newest(LogBuffer buffer, int max) {
        List<LogLine> out = new ArrayList<>();
        Scan scan = new Scan();
        CopiedLines copy = scan.copy;
        long low = buffer.firstSeq();
        long hi = buffer.nextSeq();
        while (hi - low > 0 && out.size() < max) {
            checkCancelled();
            long lo = hi - low > BATCH ? hi - BATCH : low;
            buffer.copy(lo, (int) (hi - lo), copy);
            long last = copy.end() - hi < 0 ? copy.end() : hi;
            for (long seq = last - 1; seq - copy.firstIntact() >= 0 && out.size() < max; seq--) {
                if (scan.matches(seq)) {
                    out.add(copy.decode(seq));
                }
            }
            hi = lo;
        }
        Collections.reverse(out);
        return out;
    }

    /** Ends a scan whose worker was cancelled: the search thread's interrupt flag is the request. */
    private static void checkCancelled() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("search cancelled");
        }
    }

    /**
     * Whether the UTF-8 text {@code bytes[from, to)} may contain the folded needle: false only when it surely does
     * not, so the Pattern has the last word on every line this lets through.
     */
    static boolean mayContain(byte[] folded, byte[] bytes, int from, int to) {
        int m = folded.length;
        byte head = folded[0];
        for (int i = from; i < to; i++) {
            int c = bytes[i];
            if (c < 0) {
                int need = (c & 0xE0) == 0xC0 ? 1 : (c & 0xF0) == 0xE0 ? 2 : (c & 0xF8) == 0xF0 ? 3 : -1;
                if (need < 0 || i + need >= to) {
                    return true; // not a sequence this reads: let the Pattern decide
                }
                int cp = c & (0x3F >> need);
                for (int j = 1; j <= need; j++) {
                    cp = cp << 6 | (bytes[i + j] & 0x3F);
                }
                if (foldsToAscii(cp)) {
                    return true;
                }
                i += need;
            } else if (lower(c) == head && i + m <= to && regionMatches(folded, bytes, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionMatches(byte[] folded, byte[] bytes, int at) {
        for (int j = 1; j < folded.length; j++) {
            if (lower(bytes[at + j]) != folded[j]) {
                return false; // a non-ASCII byte cannot be an ASCII needle byte; mayContain checks what it folds to
            }
        }
        return true;
    }

    private static int lower(int c) {
        return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
    }

    /** Whether case-insensitive matching may take non-ASCII {@code cp} for an ASCII letter (K for k, ſ for s). */
    static boolean foldsToAscii(int cp) {
        return Character.toLowerCase(cp) < 0x80
                || Character.toUpperCase(cp) < 0x80
                || Character.toLowerCase(Character.toUpperCase(cp)) < 0x80;
    }

    /** One search call's reusable state: the copied records, a char buffer and a matcher. */
    private final class Scan {
        final CopiedLines copy = new CopiedLines();
        final Text text = new Text();
        final LineMatcher matcher = compiled.matcher();

        boolean matches(long seq) {
            byte[] bytes = copy.bytes;
            int from = LineRecord.textStart(bytes, copy.from(seq));
            int to = copy.to(seq);
            if (folded != null && !mayContain(folded, bytes, from, to)) {
                return false;
            }
            CharSequence chars =
                    text.decode(bytes, from, to) ? text : new String(bytes, from, to - from, StandardCharsets.UTF_8);
            matcher.reset(chars);
            return matcher.find();
        }

        OptionalLong forward(LogBuffer buffer, long from, long end) {
            long cursor = from;
            while (end - cursor > 0) {
                checkCancelled();
                buffer.copy(cursor, (int) Math.min(BATCH, end - cursor), copy);
                for (long seq = copy.firstIntact(); copy.end() - seq > 0; seq++) {
                    if (end - seq > 0 && matches(seq)) {
                        return OptionalLong.of(seq);
                    }
                }
                if (copy.nextSeq() == cursor) {
                    break;
                }
                cursor = copy.nextSeq();
            }
            return OptionalLong.empty();
        }

        /** Searches [low, high) from the newest line down. */
        OptionalLong backward(LogBuffer buffer, long low, long high) {
            long hi = high;
            while (hi - low > 0) {
                checkCancelled();
                long lo = hi - low > BATCH ? hi - BATCH : low;
                buffer.copy(lo, (int) (hi - lo), copy);
                long last = copy.end() - hi < 0 ? copy.end() : hi;
                for (long seq = last - 1; seq - copy.firstIntact() >= 0; seq--) {
                    if (matches(seq)) {
                        return OptionalLong.of(seq);
                    }
                }
                hi = lo;
            }
            return OptionalLong.empty();
        }
    }

    /** A line's text decoded into a reused char array, as the CharSequence a Matcher reads. */
    private static final class Text implements CharSequence {
        private char[] chars = new char[256];
        private int length;

        /** Decodes {@code bytes[from, to)}; false if the fast decoder declined (then use {@code new String}). */
        boolean decode(byte[] bytes, int from, int to) {
            if (chars.length < to - from) {
                chars = new char[Math.max(to - from, 2 * chars.length)];
            }
            length = LineRecord.decodeText(bytes, from, to, chars);
            return length >= 0;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return chars[index];
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().substring(start, end);
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    /** A compiled query: shareable; it makes a matcher per scan, since matchers keep state. */
    private interface Query {
        LineMatcher matcher();
    }

    /** The part of a matcher a scan uses, over java.util.regex or RE2/J. */
    private interface LineMatcher {
        void reset(CharSequence text);

        boolean find();

        int start();

        int end();

        default boolean find(CharSequence text) {
            reset(text);
            return find();
        }
    }

    private static final class JdkMatcher implements LineMatcher {
        private final Matcher matcher;

        JdkMatcher(Matcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public void reset(CharSequence text) {
            matcher.reset(text);
        }

        @Override
        public boolean find() {
            return matcher.find();
        }

        @Override
        public int start() {
            return matcher.start();
        }

        @Override
        public int end() {
            return matcher.end();
        }
    }

    private static final class Re2Matcher implements LineMatcher {
        private final com.google.re2j.Matcher matcher;

        Re2Matcher(com.google.re2j.Matcher matcher) {
            this.matcher = matcher;
        }

        @Override
        public void reset(CharSequence text) {
            matcher.reset(text);
        }

        @Override
        public boolean find() {
            return matcher.find();
        }

        @Override
        public int start() {
            return matcher.start();
        }

        @Override
        public int end() {
            return matcher.end();
        }
    }
}
