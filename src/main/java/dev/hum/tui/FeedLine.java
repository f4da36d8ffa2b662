package dev.hum.tui;

import dev.hum.log.LogLine;

/**
 * A log line as a feed shows it.
 *
 * @param process the id of the process that printed it
 * @param line the line
 * @param position where it sits in its feed: its seq in one process's feed, its arrival in the
 *     feed of all processes
 */
record FeedLine(int process, LogLine line, long position) {}
