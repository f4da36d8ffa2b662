package dev.hum.config;

import java.util.List;
import java.util.Optional;

/** A parsed YAML or JSON value that remembers where it was written, so every error can point at it. */
sealed interface Node {

    /** Where the value starts in the file. */
    Mark mark();

    /** How the value is described in "expected X, found Y" messages. */
    String describe();

    /** A 1-based line and column. */
    record Mark(int line, int column) {
        static final Mark START = new Mark(1, 1);
    }

    /** The scalar types the schema distinguishes. */
    enum Kind {
        STRING,
        INTEGER,
        DECIMAL,
        BOOLEAN,
        NULL,
        /** YAML binary and other embedded values, which no key of ours accepts. */
        OTHER
    }

    /** A string, number, boolean or null; {@code text} is its written form (canonical for integers). */
    record Scalar(Kind kind, String text, Mark mark) implements Node {
        @Override
        public String describe() {
            return switch (kind) {
                case NULL -> "nothing";
                case OTHER -> "an embedded value";
                case STRING -> text.isEmpty() ? "an empty string" : "'" + shorten(text) + "'";
                default -> shorten(text);
            };
        }

        /** True for values that read naturally as text: strings, numbers and booleans. */
        boolean isText() {
            return kind != Kind.NULL && kind != Kind.OTHER;
        }

        private static String shorten(String text) {
            String line = text.lines().findFirst().orElse("");
            return line.length() > 40 || line.length() < text.length()
                    ? line.substring(0, Math.min(40, line.length())) + "…"
                    : line;
        }
    }

    /** A list. */
    record Sequence(List<Node> items, Mark mark) implements Node {
        public Sequence {
            items = List.copyOf(items);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A map whose entries keep their order and any duplicates, so the schema can report them. */
    record Mapping(List<Entry> entries, Mark mark) implements Node {
        public Mapping {
            entries = List.copyOf(entries);
        }

        @Override
        public String describe() {
            return "a map";
        }

        /** The first entry with this key. */
        Optional<Entry> get(String key) {
            return entries.stream().filter(e -> e.key().equals(key)).findFirst();
        }
    }

    /** One key of a map, with the key's own position (errors about the key point there). */
    record Entry(String key, Mark keyMark, Node value) {}
}
