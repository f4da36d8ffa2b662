package dev.hum.tui;

import dev.hum.log.LogSearch;
import java.util.List;
import java.util.OptionalLong;

/**
 * A scrollable sequence of log lines addressed by position: one process's log (positions are seqs)
 * or every process's lines interleaved in arrival order (positions are arrival stamps). Positions
 * grow with age; they need not be contiguous. The two ends are positions like any other ({@link
 * #oldest}, {@link #end}), never sentinels: arithmetic on them cannot overflow. Readers never lock.
 */
interface LogFeed {

    /** Lines at or after {@code position}, oldest first, at most {@code max}. */
    List<FeedLine> from(long position, int max);

    /** The {@code max} lines just before {@code position} (exclusive), oldest first. */
    List<FeedLine> before(long position, int max);

    /** The position of the oldest line held, or {@link #end} when none is. */
    long oldest();

    /** A position after every line held (the tail is {@code before(end(), n)}). */
    long end();

    /** How many lines have ever arrived, to count the new ones while the view is paused. */
    long total();

    /** The newest line at or before {@code position} that matches. */
    OptionalLong findAtOrBefore(LogSearch search, long position);

    /** The oldest line at or after {@code position} that matches. */
    OptionalLong findAtOrAfter(LogSearch search, long position);
}
