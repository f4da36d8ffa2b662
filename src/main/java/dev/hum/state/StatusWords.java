package dev.hum.state;

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
            case EXITED:
            case FAILED:
                return ended(state);
            default:
                return state.status().name();
        }
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
