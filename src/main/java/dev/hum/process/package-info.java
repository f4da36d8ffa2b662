/**
 * The supervisor: launches each configured process as the leader of its own session, pumps its
 * output into its {@link dev.hum.log.LogBuffer}, and stops its whole process tree.
 *
 * <p>{@link dev.hum.process.Supervisor} is the only entry point for the dashboard, the control
 * socket and the command line. Each process is one {@link dev.hum.process.Supervised} handle (its
 * id, spec, state cell and log), which every reader takes; nothing is matched by index across lists. Lifecycle actions (start, stop, restart) of one process run in order
 * on that process's own control thread, so a burst of restarts cannot interleave; actions of
 * different processes run in parallel. Each output stream has its own pump thread, which reads the pipe that
 * hum made for the run ({@link dev.hum.process.ChildPipes}) until the last process of the tree closes it. State changes are
 * published only through {@link dev.hum.state.StateCell} transitions; nothing here takes a lock that
 * a reader of state or logs could wait on. Signals are sent with JNA ({@code kill(-pgid, sig)}), never
 * by spawning {@code kill}, and never by name or port. hum is a child subreaper: one JVM-wide
 * {@link dev.hum.process.Reaper} thread collects the orphans handed to it as they end, and never a
 * child that Java itself started and waits for.
 *
 * <p>{@link dev.hum.process.Journal} records the groups a hum started, each with its leader's start
 * time, in a {@link dev.hum.process.RuntimeFolder} only its user can write in, so that the next hum
 * stops what a hum killed with SIGKILL left, and nothing that merely reuses one of its pids.
 */
@org.jspecify.annotations.NullMarked
package dev.hum.process;
