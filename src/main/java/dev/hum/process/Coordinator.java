package dev.hum.process;

import java.util.concurrent.CompletableFuture;

/**
 * What decides, above the supervisor, when processes start (start order, readiness, restarts): told of every
 * start asked for and every run's launch and end. The supervisor knows it only through this interface, so that
 * the process part never depends on the part that orders it.
 *
 * <p>Threading: {@link #launched} and {@link #ended} are called on a process's control thread or the exit
 * executor; they must return at once (hand the work to the coordinator's own thread) and never block.
 */
public interface Coordinator {

    /** A start was asked for, by hand or at launch: start it now, or once what it depends on is there. */
    CompletableFuture<ActionResult> start(String name);

    /** Run {@code run} of {@code process} has a pid. */
    void launched(Supervised process, int run);

    /** Run {@code run} ended (or could not start); {@code byStop} when a stop by hum, the user or an agent ended it. */
    void ended(Supervised process, int run, boolean byStop);

    /** hum is quitting: cancel every timer and probe; no run may begin from here on. */
    void quitting();

    /**
     * True while told events are not yet handled: a run that just ended may be about to go to BACKOFF, or a
     * dependent about to start. Headless hum, which ends when nothing is live or due, asks this too.
     */
    boolean settling();
}
