package dev.hum.control;

/**
 * One log line for an agent.
 *
 * @param process the name of the process that wrote it
 * @param seq its sequence number in that process's log
 * @param arrival its position on the clock shared by all processes of the session
 * @param stream STDOUT, STDERR or HUM (hum's own notices)
 * @param text the sanitised text, without colours
 */
public record LogEntry(String process, long seq, long arrival, String stream, String text) {}
