package dev.hum.config;

import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import dev.hum.config.Node.Mark;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Turns YAML or JSON text into a {@link Node} tree with positions, using Jackson's streaming parser.
 *
 * <p>Databind would lose the position of every value it accepts, and the schema checks (unknown
 * keys, types, duplicates, missing folders) all need one; a small tree of our own keeps them.
 */
final class TreeReader {
    /** The two syntaxes of the one schema. */
    enum Syntax {
        YAML,
        JSON
    }

    // snakeyaml-engine explains a problem on several lines; this finds the position of the last mark.
    private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConfigFile file;
    private final JsonParser parser;

    private TreeReader(ConfigFile file, JsonParser parser) {
        this.file = file;
        this.parser = parser;
    }

    /** Parses one document; an empty text yields a null scalar at 1:1. */
    static Node read(ConfigFile file, String text, Syntax syntax) throws ConfigException {
        try (JsonParser parser = syntax == Syntax.YAML ? YAML.createParser(text) : JSON.createParser(text)) {
            var reader = new TreeReader(file, parser);
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.Scalar(Kind.NULL, "", Mark.START);
            }
            Node root = reader.value(first);
            if (parser.nextToken() != null) {
                throw file.error(reader.mark(), "expected one document, found more after it");
            }
            return root;
        } catch (JacksonException e) {
            throw syntaxError(file, syntax, e);
        } catch (RuntimeException e) {
            // The YAML engine has thrown unwrapped exceptions on odd inputs; the contract is one type.
            throw file.error(0, 0, syntax + " syntax error: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private Node value(JsonToken token) throws ConfigException {
        Mark mark = mark();
        return switch (token) {
            case START_OBJECT -> mapping(mark);
            case START_ARRAY -> sequence(mark);
            case VALUE_STRING -> new Node.Scalar(Kind.STRING, parser.getString(), mark);
            case VALUE_NUMBER_INT ->
                new Node.Scalar(Kind.INTEGER, parser.getBigIntegerValue().toString(), mark);
            case VALUE_NUMBER_FLOAT -> new Node.Scalar(Kind.DECIMAL, parser.getString(), mark);
            case VALUE_TRUE -> new Node.Scalar(Kind.BOOLEAN, "true", mark);
            case VALUE_FALSE -> new Node.Scalar(Kind.BOOLEAN, "false", mark);
            case VALUE_NULL -> new Node.Scalar(Kind.NULL, "", mark);
            default -> new Node.Scalar(Kind.OTHER, "", mark);
        };
    }

    private Node mapping(Mark mark) throws ConfigException {
        List<Entry> entries = new ArrayList<>();
        JsonToken token;
        while ((token = next()) != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Mark keyMark = mark();
            entries.add(new Entry(key, keyMark, value(next())));
        }
        return new Node.Mapping(entries, mark);
    }

    private Node sequence(Mark mark) throws ConfigException {
        List<Node> items = new ArrayList<>();
        JsonToken token;
        while ((token = next()) != JsonToken.END_ARRAY) {
            items.add(value(token));
        }
        return new Node.Sequence(items, mark);
    }

    private JsonToken next() throws ConfigException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            throw file.error(mark(), "unexpected end of file");
        }
        return token;
    }

    private Mark mark() {
        TokenStreamLocation location = parser.currentTokenLocation();
        return new Mark(Math.max(location.getLineNr(), 0), Math.max(location.getColumnNr(), 0));
    }

    private static ConfigException syntaxError(ConfigFile file, Syntax syntax, JacksonException e) {
        String original = String.valueOf(e.getOriginalMessage());
        int line = 0;
        int column = 0;
        if (e.getLocation() != null) {
            line = Math.max(e.getLocation().getLineNr(), 0);
            column = Math.max(e.getLocation().getColumnNr(), 0);
        }
        String problem;
        if (syntax == Syntax.YAML && original.contains("\n")) {
            // Keep the engine's last sentence and its position: the "problem" mark, not the "context".
            problem = lastStatement(original);
            Matcher m = YAML_MARK.matcher(original);
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
            }
        } else {
            // Jackson appends where an unclosed object started as a "[Source: ...]" dump; the
            // reported position already says enough.
            problem = firstLine(original).replaceFirst("\\s*\\(start marker at \\[Source.*$", "");
        }
        return file.error(line, column, syntax + " syntax error: " + lowerFirst(problem));
    }

    private static String lastStatement(String message) {
        String last = "";
        for (String line : message.split("\n")) {
            if (!line.isBlank() && !line.startsWith(" ") && !line.startsWith("\t")) {
                last = line.strip();
            }
        }
        return last.isEmpty() ? firstLine(message) : last;
    }

    private static String firstLine(String message) {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
