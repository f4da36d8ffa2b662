package dev.hum.log;

/**
 * A copy of one appended batch on its way to a log file: the records as {@link LineBatch} wrote them, where each
 * ends, the batch's time, and how many lines of the same process were dropped just before it (the queue was full).
 */
record FileBatch(LogFileFeed feed, long time, byte[] records, int[] ends, long droppedBefore) {
    /** What the batch holds in the queue's byte budget. */
    long size() {
        return records.length + 4L * ends.length;
    }
}
