package dev.hum.tui;

import dev.hum.log.LogSearch;
import dev.hum.log.MergedLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Every process's lines interleaved in the order they arrived ({@link MergedLog}); a line's position is its arrival. */
final class MergedFeed implements LogFeed {

    private final MergedLog merged;

    MergedFeed(MergedLog merged) {
        this.merged = merged;
    }

    @Override
    public List<FeedLine> from(long position, int max) {
        return wrap(merged.from(position, max));
    }

    @Override
    public List<FeedLine> before(long position, int max) {
        return wrap(merged.before(position, max));
    }

    @Override
    public long oldest() {
        return merged.oldest();
    }

    @Override
    public long end() {
        return merged.end();
    }

    @Override
    public long total() {
        return merged.total();
    }

    @Override
    public OptionalLong findAtOrBefore(LogSearch search, long position) {
        return position(merged.findAtOrBefore(search, position));
    }

    @Override
    public OptionalLong findAtOrAfter(LogSearch search, long position) {
        return position(merged.findAtOrAfter(search, position));
    }

    private static OptionalLong position(Optional<MergedLog.Line> line) {
        return line.isPresent() ? OptionalLong.of(line.get().arrival()) : OptionalLong.empty();
    }

    private static List<FeedLine> wrap(List<MergedLog.Line> lines) {
        List<FeedLine> out = new ArrayList<>(lines.size());
        for (MergedLog.Line line : lines) {
            out.add(new FeedLine(line.log(), line.line(), line.arrival()));
        }
        return out;
    }
}
