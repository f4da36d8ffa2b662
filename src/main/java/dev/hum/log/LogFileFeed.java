package dev.hum.log;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** One process's way into its log file: what its {@link LogBuffer} hands over, copied and queued for the writer. */
public final class LogFileFeed {
    /*
     * offer runs on the buffer's writers (pumps, notices), serialised by the buffer's write lock, and never blocks:
     * one copy of the batch and one queue offer. The writer thread owns `writer`. `stopped` is set by the writer
     * when the file failed (then the pumps stop copying) and read by both; `dropped` is added to by the buffer's
     * writers and taken by the next batch queued, or by the writer at the end when no batch followed.
     */

    private final LogFiles files;
    private final Path path;
    private final Consumer<String> notice;
    private final AtomicLong dropped = new AtomicLong();
    private volatile boolean stopped;

    /** Writer thread only: the open file, once the first batch arrived. */
    @org.jspecify.annotations.Nullable
    LogFileWriter writer;

    LogFileFeed(LogFiles files, Path path, Consumer<String> notice) {
        this.files = files;
        this.path = path;
        this.notice = notice;
    }

    /** The file this process's lines go to. */
    public Path path() {
        return path;
    }

    /** Queues a copy of {@code batch}, appended at {@code time}; counts its lines as dropped if the queue is full. */
    void offer(LineBatch batch, long time) {
        int count = batch.count();
        if (stopped || count == 0) {
            return;
        }
        int[] ends = new int[count];
        for (int i = 0; i < count; i++) {
            ends[i] = batch.end(i);
        }
        byte[] records = java.util.Arrays.copyOf(batch.data(), ends[count - 1]);
        long before = dropped.getAndSet(0);
        if (!files.offer(new FileBatch(this, time, records, ends, before))) {
            dropped.addAndGet(before + count);
        }
    }

    /** Lines dropped since the last batch queued; the writer notes them in the file at the end. */
    long takeDropped() {
        return dropped.getAndSet(0);
    }

    boolean stopped() {
        return stopped;
    }

    /** The file failed: no more lines go to it, and the process's log says why, once. */
    void fail(String why) {
        if (!stopped) {
            stopped = true;
            notice.accept(why);
        }
    }
}
