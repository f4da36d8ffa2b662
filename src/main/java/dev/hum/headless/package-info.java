/**
 * The headless mode: every process's lines on standard output as {@code name | line}, for CI logs,
 * pipes and terminals where a dashboard is not wanted.
 *
 * <p>One thread (the caller of {@link dev.hum.headless.HeadlessRunner#run()}) polls the logs with a
 * cursor per process and writes through one buffered stream; it reads state and logs without locks,
 * like the dashboard. A shutdown hook may flush the last lines, so writing is guarded by the
 * printer's own monitor, which no pump or reader ever takes. A closed standard output (the reader
 * of a pipe gone, seen by a failed write or, while idle, by polling the descriptor) ends the run.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.headless;
