package dev.hum.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Reads a {@code .env} file: {@code KEY=VALUE} lines with an optional {@code export }, single quotes
 * (literal), double quotes (with {@code \n \t \r \" \\} escapes), {@code #} comments and blank lines.
 * No {@code $VAR} expansion: the values reach the processes exactly as written.
 */
final class DotEnv {
    private static final Pattern KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private DotEnv() {}

    /** Parses the file, or {@code text} when given (tests); later keys override earlier ones. */
    static Map<String, String> parse(ConfigFile file, @Nullable String text) throws ConfigException {
        String content = text != null ? text : file.read();
        var env = new LinkedHashMap<String, String>();
        List<String> lines = content.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("export ") || line.startsWith("export\t")) {
                line = line.substring(7).strip();
            }
            int eq = line.indexOf('=');
            String key = eq < 0 ? line : line.substring(0, eq).strip();
            if (eq < 0 || !KEY.matcher(key).matches()) {
                throw file.error(lineNo, 0, "expected KEY=VALUE, found '" + ProcessName.printable(line) + "'");
            }
            env.put(key, value(file, lineNo, line.substring(eq + 1).strip()));
        }
        return env;
    }

    private static String value(ConfigFile file, int lineNo, String raw) throws ConfigException {
        if (raw.startsWith("'")) {
            int end = raw.indexOf('\'', 1);
            if (end < 0) {
                throw file.error(lineNo, 0, "unterminated single quote");
            }
            checkRest(file, lineNo, raw.substring(end + 1));
            return raw.substring(1, end);
        }
        if (raw.startsWith("\"")) {
            var sb = new StringBuilder();
            for (int i = 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == '"') {
                    checkRest(file, lineNo, raw.substring(i + 1));
                    return sb.toString();
                }
                if (c == '\\' && i + 1 < raw.length()) {
                    char next = raw.charAt(++i);
                    switch (next) {
                        case 'n' -> sb.append('\n');
                        case 't' -> sb.append('\t');
                        case 'r' -> sb.append('\r');
                        case '"', '\\', '$' -> sb.append(next);
                        default -> sb.append('\\').append(next);
                    }
                } else {
                    sb.append(c);
                }
            }
            throw file.error(lineNo, 0, "unterminated double quote");
        }
        // Unquoted: a '#' after whitespace starts a comment, as in shells; 'a#b' stays a value.
        int hash = -1;
        for (int i = 1; i < raw.length(); i++) {
            if (raw.charAt(i) == '#' && Character.isWhitespace(raw.charAt(i - 1))) {
                hash = i;
                break;
            }
        }
        if (raw.startsWith("#")) {
            return "";
        }
        return (hash < 0 ? raw : raw.substring(0, hash)).strip();
    }

    private static void checkRest(ConfigFile file, int lineNo, String rest) throws ConfigException {
        String r = rest.strip();
        if (!r.isEmpty() && !r.startsWith("#")) {
            throw file.error(lineNo, 0, "unexpected text after the closing quote: '" + ProcessName.printable(r) + "'");
        }
    }
}
