package dev.hum.log;

/**
 * One stored line: its per-buffer {@code seq}, its {@code arrival} on the clock shared by all processes (the
 * "all processes" view interleaves by it), its {@code time} (epoch milliseconds on the wall clock when its chunk
 * was appended; never decreasing within one log), where it came from, its sanitised text and its colours.
 */
public record LogLine(long seq, long arrival, long time, Source source, String text, StyleRuns styles) {}
