/**
 * Child output to stored lines: decoding, sanitising, ANSI styles, the per-process ring buffer and search.
 *
 * <p>The supervisor's pump threads feed raw bytes into an {@link dev.hum.log.OutputDecoder} (one per stream), which
 * splits lines, decodes UTF-8, turns SGR colours into {@link dev.hum.log.StyleRuns}, drops every other escape and
 * appends whole chunks of lines to the process's {@link dev.hum.log.LogBuffer}. The render loop, the MCP server and
 * {@link dev.hum.log.LogSearch} (the one search: plain text or RE2, the dashboard's and agents') read that buffer;
 * {@link dev.hum.log.MergedLog} is the one reader of every process's lines in arrival order (the all-processes
 * view, headless output, agents' reads without a name). {@link dev.hum.log.CellWidth} is the one table of how many
 * terminal cells a character takes: tab stops here, and the screen's cells and wrapping in {@code tui}, use it. The
 * package knows nothing about processes or the screen.
 *
 * <p>Threading rule: a decoder belongs to one pump thread. The writers of one buffer (its stdout and stderr decoders,
 * and notices) serialise among themselves on a lock only writers take; readers never lock and never block a writer,
 * and detect lines the ring overwrote while they were copying them instead of returning torn text. A buffer with a
 * log file hands a copy of each batch to {@link dev.hum.log.LogFiles} with one non-blocking queue offer; that
 * class's one writer thread does all file I/O, so no writer of a buffer ever waits for a disk.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.log;
