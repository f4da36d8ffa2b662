/**
 * The state of every supervised process, held as immutable snapshots that are swapped atomically.
 *
 * <p>{@link dev.hum.state.ProcessState} is a record; {@link dev.hum.state.StateCell} holds the
 * current one and replaces it only by a compare-and-set over a pure transition function, which
 * refuses illegal transitions by returning its input. {@link dev.hum.state.Registry} holds the
 * ordered list of all cells as one immutable {@link dev.hum.state.Board}, fixed when hum starts.
 *
 * <p>Threading: any thread may read at any time without a lock (one volatile load per cell or
 * board); writers (pump threads, the supervisor) race only through CAS. Nothing here does I/O or
 * knows about processes, logs or the screen.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.state;
