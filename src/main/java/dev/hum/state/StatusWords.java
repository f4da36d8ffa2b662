package dev.hum.state;

import java.time.Duration;
import java.time.Instant;

/** The words a person reads for a status, so a colour is never the only signal. */
public final class StatusWords {

    // Linux signal numbers; index = number. Names the user knows from kill -l.
    private static final String[] SIGNAL_NAMES = {
        "SIG0",
        "SIGHUP",
        "SIGINT",
        "SIGQUIT",
        "SIGILL",
        "SIGTRAP",
        "SIGABRT",
        "SIGBUS",
        "SIGFPE",
        "SIGKILL",
        "SIGUSR1",
        "SIGSEGV",
        "SIGUSR2",
        "SIGPIPE",
        "SIGALRM",
        "SIGTERM",
        "SIGSTKFLT",
        "SIGCHLD",
        "SIGCONT",
        "SIGSTOP",
        "SIGTSTP",
        "SIGTTIN",
        "SIGTTOU",
        "SIGURG",
        "SIGXCPU",
        "SIGXFSZ",
        "SIGVTALRM",
        "SIGPROF",
        "SIGWINCH",
        "SIGIO",
        "SIGPWR",
        "SIGSYS"
    };

    private StatusWords() {}

    /** The status word of a state; see {@link ProcessState#statusWord()}. */
    public static String of(ProcessState state) {
        switch (state.status()) {
            case NOT_STARTED:
                return "NOT STARTED";
            case NOT_READY:
                return "NOT READY";
            case BACKOFF:
                return state.restartAt()
                        .map(at -> "BACKOFF " + secondsLeft(at, Instant.now()) + "s")
                        .orElse("BACKOFF");
            case EXITED:
            case FAILED:
                return ended(state);
            default:
                return state.status().name();
        }
    }

    /** Whole seconds from {@code now} until {@code at}, rounded up, never negative. */
    public static long secondsLeft(Instant at, Instant now) {
        long millis = Duration.between(now, at).toMillis();
        return millis <= 0 ? 0 : (millis + 999) / 1000;
    }

    /** The name of a signal number, such as SIGTERM, or SIG64 for one without a name. */
    public static String signalName(int number) {
        if (number >= 0 && number < SIGNAL_NAMES.length) {
            return SIGNAL_NAMES[number];
        }
        return "SIG" + number;
    }

    private static String ended(ProcessState state) {
        Exit exit = state.exit();
        if (exit instanceof Exit.Signal signal) {
            return "KILLED " + signalName(signal.number());
        }
        if (exit instanceof Exit.Code code) {
            return state.status().name() + " " + code.code();
        }
        return state.status().name();
    }
}
