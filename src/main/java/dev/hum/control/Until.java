package dev.hum.control;

/** What a wait ({@code wait_for}, {@code hum wait}) waits for. */
public sealed interface Until {

    /** The process is ready (until readiness probes exist: it has started and runs). */
    record Ready() implements Until {
        @Override
        public String word() {
            return "ready";
        }

        @Override
        public String describe() {
            return "to be ready";
        }
    }

    /** The process has ended, however. */
    record Exit() implements Until {
        @Override
        public String word() {
            return "exit";
        }

        @Override
        public String describe() {
            return "to exit";
        }
    }

    /**
     * A line of the process's output matches.
     *
     * @param query the text or the RE2 regex
     * @param regex whether {@code query} is a regex; a plain text matches ignoring case
     */
    record Log(String query, boolean regex) implements Until {
        @Override
        public String word() {
            return "log";
        }

        @Override
        public String describe() {
            return "to print a line matching " + (regex ? "the regex " : "") + "'" + query + "'";
        }
    }

    /** A TCP connection to {@code localhost:port} succeeds. */
    record Port(int port) implements Until {
        @Override
        public String word() {
            return "port";
        }

        @Override
        public String describe() {
            return "to accept connections on port " + port;
        }
    }

    /** The word the wire and the command line use for this condition. */
    String word();

    /** What is waited for, in a sentence's words: "to be ready", "to print a line matching 'ready in'". */
    String describe();
}
