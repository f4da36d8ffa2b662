package dev.hum.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A process this one waits for, and what it waits for: started, ready, or exited with code 0. */
public record Dependency(String name, Condition condition) {

    public Dependency {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(condition, "condition");
    }

    /** What must hold of the dependency before the dependent starts. */
    public enum Condition {
        /** It has a pid (or already exited 0). */
        STARTED("started"),
        /** Its readiness probe passed (without a probe: it has started). */
        READY("ready"),
        /** It ran to its end with exit code 0: a migration, a code generator. */
        EXITED_0("exited 0");

        private final String word;

        Condition(String word) {
            this.word = word;
        }

        /** How the configuration and the screen write it. */
        public String word() {
            return word;
        }

        /** The condition written as {@code text}; spaces, underscores and case are forgiven. */
        static Optional<Condition> parse(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", " ");
            for (Condition c : values()) {
                if (c.word.equals(t)) {
                    return Optional.of(c);
                }
            }
            return Optional.empty();
        }

        static String choices() {
            return "started, ready, exited 0";
        }
    }
}
