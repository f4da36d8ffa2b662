/**
 * Start order, readiness and restarts: the part above the supervisor that decides when a process starts.
 *
 * <p>{@link dev.hum.orchestration.Orchestrator} is the supervisor's {@link dev.hum.process.Coordinator}: a start
 * asked for by hand or at launch starts the missing dependencies first and waits (WAITING, BLOCKED) until their
 * conditions hold; a run's launch arms its readiness probe; a run's end may schedule a restart (BACKOFF).
 * {@link dev.hum.orchestration.DependencyGraph} gives the start order and the quit order (dependents first).
 *
 * <p>Threading: one small scheduler of its own runs every probe, every timer and every decision; the
 * supervisor's events and the logs' wake-ups only hand work to it. Nothing here runs on the render thread or a
 * pump, and the process part never calls this one except through the {@code Coordinator} interface. Every
 * result lands as a compare-and-set transition of the process's state guarded by its run number.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.orchestration;
