package dev.hum.tui;

import dev.hum.process.ActionResult;
import dev.hum.process.Supervisor;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * What s, x and r do on the "all" entry: start every process that is not running, stop every running one,
 * restart every running one. One message says how many at once, one more when they are all done. Called on the
 * render thread; the summary is handed over from the supervisor's threads.
 */
final class AllProcesses {

    /** One of the three actions on every process it applies to. */
    enum Verb {
        START("starting", "started", "every process is running already", s -> s.status()
                .canStart()),
        STOP("stopping", "stopped", "nothing is running", AllProcesses::running),
        RESTART("restarting", "restarted", "nothing is running: s starts every process", AllProcesses::running);

        final String doing;
        final String done;
        final String none;
        final Predicate<ProcessState> applies;

        Verb(String doing, String done, String none, Predicate<ProcessState> applies) {
            this.doing = doing;
            this.done = done;
            this.none = none;
            this.applies = applies;
        }

        private CompletableFuture<ActionResult> on(Supervisor supervisor, String name) {
            Function<String, CompletableFuture<ActionResult>> action =
                    switch (this) {
                        case START -> supervisor::start;
                        case STOP -> supervisor::stop;
                        case RESTART -> supervisor::restart;
                    };
            return action.apply(name);
        }
    }

    private AllProcesses() {}

    /** A process the user may stop or restart: live, and not already on its way out. */
    private static boolean running(ProcessState s) {
        return s.status().isLive() && s.status() != Status.STOPPING;
    }

    /**
     * Does {@code verb} on every process it applies to in {@code states}; returns what to say now and hands
     * {@code summary} what to say once every action finished.
     */
    @SuppressWarnings("FutureReturnValueIgnored") // the summary reaches the status line through the consumer
    static String act(Verb verb, Supervisor supervisor, List<ProcessState> states, Consumer<String> summary) {
        List<String> names =
                states.stream().filter(verb.applies).map(ProcessState::name).toList();
        if (names.isEmpty()) {
            return verb.none;
        }
        List<CompletableFuture<ActionResult>> actions =
                names.stream().map(name -> verb.on(supervisor, name)).toList();
        CompletableFuture.allOf(actions.toArray(CompletableFuture[]::new))
                .thenRun(() -> summary.accept(summary(
                        verb, actions.stream().map(CompletableFuture::join).toList())));
        return verb.doing + " " + count(names.size());
    }

    private static String summary(Verb verb, List<ActionResult> results) {
        List<ActionResult> failed = results.stream().filter(r -> !r.ok()).toList();
        if (failed.isEmpty()) {
            return verb.done + " " + count(results.size());
        }
        String more = failed.size() > 1 ? " (and " + (failed.size() - 1) + " more)" : "";
        return verb.done + " " + (results.size() - failed.size()) + " of " + count(results.size()) + " · "
                + failed.get(0).message() + more;
    }

    static String count(int processes) {
        return processes + (processes == 1 ? " process" : " processes");
    }
}
