package dev.hum.log;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The session's log files: one writer thread takes the batches every process's log hands over (through a bounded
 * queue) and appends them as plain text with their times, one file per process, rotated by size.
 */
public final class LogFiles {
    /*
     * Producers: the logs' writers (pumps, notices), through LogFileFeed.offer, which never blocks: a batch that
     * does not fit the queue (its count or its byte budget) is counted as dropped and noted in the file before the
     * next batch of that process that does get through. Consumer: one daemon thread, which owns every file. The
     * queue's own locking orders each batch's bytes before the writer reads them. The writer flushes whenever
     * the queue runs empty, so a `tail -f` sees lines as they come and a flood still writes in large blocks.
     */

    /** Batches queued at most: a flood's batch is a 64 KiB chunk, a quiet process's one line. */
    static final int DEFAULT_CAPACITY = 4096;

    /** Bytes of records queued at most, across processes. */
    static final long DEFAULT_BYTE_BUDGET = 16L * 1024 * 1024;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS ");
    private static final Object STOP = new Object();

    private final long maxSize;
    private final int keep;
    private final long byteBudget;
    private final BlockingQueue<Object> queue;
    private final AtomicLong queuedBytes = new AtomicLong();
    private final List<LogFileFeed> feeds = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final ZoneId zone = ZoneId.systemDefault();
    private final Thread writer;
    private volatile boolean closed;

    /** Writer-thread only: the stamp of the last time formatted. */
    private long stampTime = Long.MIN_VALUE;

    private byte[] stamp = new byte[0];

    /** Starts the writer thread; files rotate at {@code maxSize} bytes and {@code keep} files of each are kept. */
    public LogFiles(long maxSize, int keep) {
        this(maxSize, keep, () -> {});
    }

    /** As above; the writer thread runs {@code onStart} first (the supervisor lowers its priority there). */
    public LogFiles(long maxSize, int keep, Runnable onStart) {
        this(maxSize, keep, DEFAULT_CAPACITY, DEFAULT_BYTE_BUDGET, onStart);
    }

    LogFiles(long maxSize, int keep, int capacity, long byteBudget) {
        this(maxSize, keep, capacity, byteBudget, () -> {});
    }

    private LogFiles(long maxSize, int keep, int capacity, long byteBudget, Runnable onStart) {
        this.maxSize = maxSize;
        this.keep = keep;
        this.byteBudget = byteBudget;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.writer = new Thread(
                () -> {
                    onStart.run();
                    run();
                },
                "hum-log-files");
        writer.setDaemon(true);
        writer.start();
    }

    /**
     * A feed for one process's file at {@code path}; give it to the process's {@link LogBuffer#writeTo}. The file
     * is opened when the first lines arrive; {@code notice} hears, once, why the file cannot be written.
     */
    public LogFileFeed open(Path path, Consumer<String> notice) {
        LogFileFeed feed = new LogFileFeed(this, path, notice);
        feeds.add(feed);
        return feed;
    }

    /**
     * Writes what is queued, notes lines dropped at the end, and closes the files; waits at most {@code limit} (a
     * disk that hangs must not hold up quitting). Later lines are not written. Returns whether the writer finished.
     */
    public boolean close(Duration limit) {
        closed = true;
        long deadline = System.nanoTime() + limit.toNanos();
        try {
            if (!queue.offer(STOP, limit.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
            writer.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !writer.isAlive();
    }

    /** Batches waiting for the writer (tests wait on it). */
    int queued() {
        return queue.size();
    }

    boolean offer(FileBatch batch) {
        if (closed) {
            return true; // quitting: late lines are not written, and not reported dropped either
        }
        long size = batch.size();
        if (queuedBytes.addAndGet(size) > byteBudget || !queue.offer(batch)) {
            queuedBytes.addAndGet(-size);
            return false;
        }
        return true;
    }

    private void run() {
        try {
            while (true) {
                Object next = queue.take();
                if (next == STOP) {
                    break;
                }
                FileBatch batch = (FileBatch) next;
                queuedBytes.addAndGet(-batch.size());
                write(batch);
                if (queue.isEmpty()) {
                    flushAll();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            finish();
        }
    }

    private void write(FileBatch batch) {
        LogFileFeed feed = batch.feed();
        if (feed.stopped()) {
            return;
        }
        try {
            LogFileWriter file = writerOf(feed);
            byte[] at = stamp(batch.time());
            if (batch.droppedBefore() > 0) {
                byte[] note = dropNote(batch.droppedBefore());
                file.line(at, note, 0, note.length);
            }
            byte[] records = batch.records();
            int from = 0;
            for (int end : batch.ends()) {
                file.line(at, records, LineRecord.textStart(records, from), end);
                from = end;
            }
        } catch (IOException e) {
            fail(feed, e);
        } catch (RuntimeException e) {
            // a fault of hum's own must cost this file only, not the writer thread that every file shares (its
            // stack trace would otherwise land on the dashboard's screen)
            fail(feed, new IOException("hum's writer failed: " + e, e));
        }
    }

    /** The feed's file, opened (or created) on its first line: a process that never prints makes no file. */
    private LogFileWriter writerOf(LogFileFeed feed) throws IOException {
        LogFileWriter file = feed.writer;
        if (file == null) {
            file = new LogFileWriter(feed.path(), maxSize, keep);
            feed.writer = file;
        }
        return file;
    }

    private void flushAll() {
        for (LogFileFeed feed : feeds) {
            LogFileWriter file = feed.writer;
            if (file != null && !feed.stopped()) {
                try {
                    file.flush();
                } catch (IOException e) {
                    fail(feed, e);
                }
            }
        }
    }

    /** Notes what was dropped after the last batch that got through, then closes every file. */
    private void finish() {
        List<LogFileFeed> all = new ArrayList<>(feeds);
        for (LogFileFeed feed : all) {
            long dropped = feed.takeDropped();
            LogFileWriter file = feed.writer;
            try {
                if (dropped > 0 && !feed.stopped()) {
                    file = writerOf(feed);
                    byte[] note = dropNote(dropped);
                    file.line(stamp(System.currentTimeMillis()), note, 0, note.length);
                }
                if (file != null) {
                    file.close();
                }
            } catch (IOException e) {
                fail(feed, e);
            }
        }
    }

    private void fail(LogFileFeed feed, IOException e) {
        LogFileWriter file = feed.writer;
        feed.writer = null;
        if (file != null) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the file already failed; its first error is the one to report
            }
        }
        feed.fail("hum: cannot write the log file " + feed.path() + " (" + reason(e)
                + "); its lines are still kept here, but no longer written to the file");
    }

    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file is in the way of its folder";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static byte[] dropNote(long lines) {
        return ("[hum: " + lines + (lines == 1 ? " line" : " lines") + " dropped: the disk did not keep up]")
                .getBytes(StandardCharsets.UTF_8);
    }

    private byte[] stamp(long time) {
        if (time != stampTime) {
            stampTime = time;
            stamp = STAMP.format(LocalDateTime.ofInstant(Instant.ofEpochMilli(time), zone))
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return stamp;
    }
}
