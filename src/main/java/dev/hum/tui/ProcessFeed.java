package dev.hum.tui;

import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import dev.hum.log.LogSearch;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** One process's log as a feed; a line's position is its seq. */
final class ProcessFeed implements LogFeed {

    private final int process;
    private final LogBuffer log;

    ProcessFeed(int process, LogBuffer log) {
        this.process = process;
        this.log = log;
    }

    @Override
    public List<FeedLine> from(long position, int max) {
        long start = position - log.firstSeq() < 0 ? log.firstSeq() : position;
        return wrap(log.readFrom(start, max).lines());
    }

    @Override
    public List<FeedLine> before(long position, int max) {
        long end = position - log.nextSeq() > 0 ? log.nextSeq() : position;
        long start = end - max;
        if (start - log.firstSeq() < 0) {
            start = log.firstSeq();
        }
        int count = (int) Math.max(0, end - start);
        return wrap(log.readFrom(start, count).lines());
    }

    @Override
    public long oldest() {
        return log.firstSeq();
    }

    @Override
    public long end() {
        return log.nextSeq();
    }

    @Override
    public long total() {
        return log.totalAppended();
    }

    @Override
    public OptionalLong findAtOrBefore(LogSearch search, long position) {
        return search.previous(log, position, false);
    }

    @Override
    public OptionalLong findAtOrAfter(LogSearch search, long position) {
        return search.next(log, position, false);
    }

    private List<FeedLine> wrap(List<LogLine> lines) {
        List<FeedLine> out = new ArrayList<>(lines.size());
        for (LogLine line : lines) {
            out.add(new FeedLine(process, line, line.seq()));
        }
        return out;
    }
}
