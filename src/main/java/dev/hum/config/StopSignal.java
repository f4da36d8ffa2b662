package dev.hum.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The signals a process may be asked to stop with, carrying their Linux numbers. */
public enum StopSignal {
    HUP(1),
    INT(2),
    QUIT(3),
    KILL(9),
    USR1(10),
    USR2(12),
    TERM(15);

    private final int number;

    StopSignal(int number) {
        this.number = number;
    }

    /** The Linux signal number, as passed to {@code kill(2)}. */
    public int number() {
        return number;
    }

    /** Parses {@code TERM}, {@code SIGTERM} or {@code term}; empty when the name is not one of ours. */
    public static Optional<StopSignal> parse(String text) {
        String name = text.strip().toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        for (StopSignal signal : values()) {
            if (signal.name().equals(name)) {
                return Optional.of(signal);
            }
        }
        return Optional.empty();
    }

    /** The valid names in the order the documentation lists them, for error messages. */
    static String choices() {
        return Arrays.stream(new StopSignal[] {TERM, INT, HUP, QUIT, KILL, USR1, USR2})
                .map(Enum::name)
                .collect(Collectors.joining(", "));
    }
}
