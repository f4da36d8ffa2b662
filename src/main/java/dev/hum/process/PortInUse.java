package dev.hum.process;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Recognises the line in which a server says that the port it wanted is taken, in the words of the common
 * runtimes and frameworks, and the port when the line names it.
 */
final class PortInUse {

    /** Cheap tests on the raw line, lower-cased, before any regex runs: every phrasing below has one of them. */
    static final List<String> MARKS = List.of("in use", "addrinuse", "bindexception");

    /**
     * An address with its port (group 1) where a line names one loosely: {@code :4000}, {@code localhost:4000},
     * {@code 0.0.0.0:4000}, {@code [::]:4000}, after a space, a bracket, {@code =} or {@code /}; never the middle of
     * a time such as {@code 12:30:45}.
     */
    private static final String HOST_PORT =
            "(?:^|[\\s(=/])(?:localhost|\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9a-fA-F:]*\\]|:+|\\*)?:(\\d{2,5})\\b";

    /** The patterns, compiled when a line first may say so (not at start: a few milliseconds before the first frame). */
    private static final class Phrasings {
        /** Phrasings that name the port, most specific first; group 1 is the port. */
        static final List<Pattern> WITH_PORT = List.of(
                // Go: listen tcp :8080: bind: address already in use; also 127.0.0.1:8080 and [::]:8080
                Pattern.compile("(?i)listen tcp[46]? \\S*:(\\d{1,5}): bind: address already in use"),
                // Node, Next.js: Error: listen EADDRINUSE: address already in use :::3000 (or 127.0.0.1:3000)
                Pattern.compile("(?i)EADDRINUSE:? address already in use \\S*?:(\\d{1,5})\\b"),
                // Rails/Puma: Address already in use - bind(2) for "127.0.0.1" port 3000 (Errno::EADDRINUSE)
                Pattern.compile("(?i)address already in use - bind\\(2\\) for \\S+ port (\\d{1,5})"),
                // uvicorn: [Errno 98] error while attempting to bind on address ('127.0.0.1', 8000): address already in
                // use
                Pattern.compile("(?i)bind on address \\('[^']*', (\\d{1,5})\\)"),
                // Vite, Flask/werkzeug, Spring Boot: Port 5173 is in use / Port 8080 was already in use
                Pattern.compile("(?i)\\bport (\\d{1,5}) (?:is|was) (?:already )?in use"),
                // Java: java.net.BindException: Address already in use (Bind failed) ... :8080 (some servers add it)
                Pattern.compile("(?i)BindException.*?" + HOST_PORT),
                // Phoenix/Erlang, Deno and others: ... localhost:4000 ... eaddrinuse
                Pattern.compile("(?i)" + HOST_PORT + ".*(?:eaddrinuse|address already in use|addrinuse)"));

        /** Phrasings that say an address is taken without naming it (Python, Java, Django, Rust). */
        static final Pattern WITHOUT_PORT = Pattern.compile(
                "(?i)address already in use|EADDRINUSE|AddrInUse|that port is already in use|BindException");
    }

    private PortInUse() {}

    /** Whether {@code line} may be such a line: the cheap test alone. */
    static boolean mayMatch(String line) {
        String lower = line.toLowerCase(java.util.Locale.ROOT);
        for (String mark : MARKS) {
            if (lower.contains(mark)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Empty when {@code line} does not say a port is taken; otherwise the port it names, or an empty OptionalInt when
     * it names none (the caller then looks in the command and its environment).
     */
    static Optional<OptionalInt> match(String line) {
        if (!mayMatch(line)) {
            return Optional.empty();
        }
        for (Pattern p : Phrasings.WITH_PORT) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                int port = Integer.parseInt(m.group(1));
                if (port > 0 && port <= 65535) {
                    return Optional.of(OptionalInt.of(port));
                }
            }
        }
        return Phrasings.WITHOUT_PORT.matcher(line).find() ? Optional.of(OptionalInt.empty()) : Optional.empty();
    }
}
