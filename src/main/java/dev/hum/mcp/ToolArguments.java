package dev.hum.mcp;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The arguments of one tool call, read and checked against what the tool accepts. */
final class ToolArguments {

    /** Longer names than this are not names of processes but mistakes (or an attack on memory). */
    static final int MAX_NAME = 200;

    /** A search query longer than this is refused rather than compiled. */
    static final int MAX_QUERY = 1000;

    private final String tool;
    private final Map<String, Object> values;

    private ToolArguments(String tool, Map<String, Object> values) {
        this.tool = tool;
        this.values = values;
    }

    /** Refuses any argument not in {@code accepted}, naming the ones that are. */
    static ToolArguments of(String tool, Map<String, Object> values, Set<String> accepted) {
        Map<String, Object> given = values == null ? Map.of() : values;
        for (String key : given.keySet()) {
            if (!accepted.contains(key)) {
                throw new BadArguments(tool + " has no argument '" + shorten(key) + "'; it takes "
                        + (accepted.isEmpty()
                                ? "no arguments"
                                : String.join(", ", accepted.stream().sorted().toList())));
            }
        }
        return new ToolArguments(tool, given);
    }

    Optional<String> string(String key, int maxLength) {
        Object v = values.get(key);
        if (v == null) {
            return Optional.empty();
        }
        if (!(v instanceof String s)) {
            throw new BadArguments(key + " must be a string, not " + kind(v));
        }
        if (s.length() > maxLength) {
            throw new BadArguments(
                    key + " is " + s.length() + " characters long; at most " + maxLength + " are accepted");
        }
        return Optional.of(s);
    }

    String requiredString(String key, int maxLength) {
        return string(key, maxLength)
                .orElseThrow(() ->
                        new BadArguments(tool + " needs " + key + (key.equals("name") ? " (see scripts_list)" : "")));
    }

    OptionalLong integer(String key, long min, long max) {
        Object v = values.get(key);
        if (v == null) {
            return OptionalLong.empty();
        }
        long n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            n = ((Number) v).longValue();
        } else if (v instanceof Number num
                && num.doubleValue() == Math.rint(num.doubleValue())
                && Math.abs(num.doubleValue()) < 9e15) {
            n = num.longValue();
        } else if (v instanceof String s && s.matches("-?\\d{1,18}")) {
            n = Long.parseLong(s); // models sometimes quote numbers; the meaning is plain
        } else {
            throw new BadArguments(key + " must be a whole number, not " + kind(v));
        }
        if (n < min || n > max) {
            throw new BadArguments(key + " must be between " + min + " and " + max + ", not " + n);
        }
        return OptionalLong.of(n);
    }

    boolean flag(String key) {
        return flag(key, false);
    }

    boolean flag(String key, boolean byDefault) {
        Object v = values.get(key);
        if (v == null) {
            return byDefault;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new BadArguments(key + " must be true or false, not " + kind(v));
    }

    private static String kind(Object v) {
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof Iterable) {
            return "a list";
        }
        return v instanceof String s ? "the text \"" + shorten(s) + "\"" : String.valueOf(v);
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
