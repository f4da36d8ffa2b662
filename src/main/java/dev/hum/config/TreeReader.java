package dev.hum.config;

import dev.hum.config.Node.Entry;
import dev.hum.config.Node.Kind;
import dev.hum.config.Node.Mark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Turns YAML or JSON text into a {@link Node} tree with positions, using Jackson's streaming parser.
 *
 * <p>Databind would lose the position of every value it accepts, and the schema checks (unknown
 * keys, types, duplicates, missing folders) all need one; a small tree of our own keeps them. YAML
 * aliases are expanded ({@link YamlAliases}) and merge keys ({@code <<: *base}) applied here, so the
 * schema sees plain maps, lists and scalars.
 */
final class TreeReader {
    /** The two syntaxes of the one schema. */
    enum Syntax {
        YAML,
        JSON
    }

    /** Far deeper than any configuration goes, and below Jackson's own limit (500), so this error comes first. */
    static final int MAX_DEPTH = 100;

    private static final String MERGE_KEY = "<<";
    // snakeyaml-engine explains a problem on several lines; this finds the position of the last mark.
    private static final Pattern YAML_MARK = Pattern.compile("line (\\d+), column (\\d+)");

    private final ConfigFile file;
    private final Syntax syntax;
    private final JsonParser parser;
    private final YamlAliases aliases;
    private int depth;
    // Nodes built so far, an alias counting as the nodes it stands for: gives each anchored node's size.
    private long built;

    private TreeReader(ConfigFile file, Syntax syntax, JsonParser parser, YamlAliases aliases) {
        this.file = file;
        this.syntax = syntax;
        this.parser = parser;
        this.aliases = aliases;
    }

    /*
     * Streaming factories, not mappers: nothing here binds to classes, and a mapper's set-up costs
     * milliseconds of hum's start. One holder per syntax, so a start reads only the one it needs.
     */
    private static final class Yaml {
        static final YAMLFactory FACTORY = YAMLFactory.builder().build();
    }

    private static final class Json {
        static final JsonFactory FACTORY = JsonFactory.builder().build();
    }

    /** Parses one document; an empty text yields a null scalar at 1:1. */
    static Node read(ConfigFile file, String text, Syntax syntax) throws ConfigException {
        try {
            YamlAliases aliases = syntax == Syntax.YAML ? YamlAliases.scan(file, text) : YamlAliases.none(file);
            try (JsonParser parser = syntax == Syntax.YAML
                    ? Yaml.FACTORY.createParser(ObjectReadContext.empty(), text)
                    : Json.FACTORY.createParser(ObjectReadContext.empty(), text)) {
                return new TreeReader(file, syntax, parser, aliases).document();
            }
        } catch (YamlEngineException e) {
            // From the first pass over the anchors: the engine Jackson wraps, with the same message.
            var at = e instanceof MarkedYamlEngineException marked
                    ? marked.getProblemMark()
                    : Optional.<org.snakeyaml.engine.v2.exceptions.Mark>empty();
            throw syntaxError(
                    file,
                    syntax,
                    String.valueOf(e.getMessage()),
                    at.map(m -> m.getLine() + 1).orElse(0),
                    at.map(m -> m.getColumn() + 1).orElse(0));
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            int column = e.getLocation() == null ? 0 : e.getLocation().getColumnNr();
            throw syntaxError(file, syntax, String.valueOf(e.getOriginalMessage()), line, column);
        } catch (RuntimeException e) {
            // The YAML engine has thrown unwrapped exceptions on odd inputs; the contract is one type.
            throw file.error(0, 0, syntax + " syntax error: " + firstLine(String.valueOf(e.getMessage())));
        }
    }

    private Node document() throws ConfigException {
        try {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.Scalar(Kind.NULL, "", Mark.START);
            }
            Node root = value(first);
            if (parser.nextToken() != null) {
                throw file.error(mark(), "expected one document, found more after it");
            }
            return root;
        } catch (StreamConstraintsException e) {
            // Jackson's limits name its own classes and carry no position; the parser still knows where it is.
            TokenStreamLocation at = parser.currentLocation();
            String problem = String.valueOf(e.getOriginalMessage()).replaceAll(",? from `[^`]*`", "");
            throw file.error(
                    Math.max(at.getLineNr(), 0), Math.max(at.getColumnNr(), 0), "too large: " + lowerFirst(problem));
        }
    }

    private Node value(JsonToken token) throws ConfigException {
        Mark mark = mark();
        if (token == JsonToken.VALUE_STRING && parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            String anchor = parser.getString();
            Node node = aliases.resolve(anchor, mark);
            built += aliases.sizeOf(anchor);
            return node;
        }
        YamlAliases.Target target = token == JsonToken.START_OBJECT
                ? YamlAliases.Target.MAPPING
                : token == JsonToken.START_ARRAY ? YamlAliases.Target.SEQUENCE : YamlAliases.Target.SCALAR;
        Optional<String> anchor = aliases.anchorAt(mark, target);
        anchor.ifPresent(aliases::opening);
        long before = built;
        Node node =
                switch (token) {
                    case START_OBJECT -> mapping(mark);
                    case START_ARRAY -> sequence(mark);
                    case VALUE_STRING -> new Node.Scalar(Kind.STRING, parser.getString(), mark);
                    case VALUE_NUMBER_INT ->
                        new Node.Scalar(
                                Kind.INTEGER, parser.getBigIntegerValue().toString(), mark);
                    case VALUE_NUMBER_FLOAT -> new Node.Scalar(Kind.DECIMAL, parser.getString(), mark);
                    case VALUE_TRUE -> new Node.Scalar(Kind.BOOLEAN, "true", mark);
                    case VALUE_FALSE -> new Node.Scalar(Kind.BOOLEAN, "false", mark);
                    case VALUE_NULL -> new Node.Scalar(Kind.NULL, "", mark);
                    default -> new Node.Scalar(Kind.OTHER, "", mark);
                };
        built++;
        if (anchor.isPresent()) {
            aliases.define(anchor.get(), node, built - before);
        }
        return node;
    }

    private Node mapping(Mark mark) throws ConfigException {
        enter(mark);
        List<Entry> entries = new ArrayList<>();
        boolean merges = false;
        while (next() != JsonToken.END_OBJECT) {
            String key = parser.currentName();
            Mark keyMark = mark();
            // An anchored key is rare but legal YAML; an alias may repeat it as a value.
            Optional<String> keyAnchor = aliases.anchorAt(keyMark, YamlAliases.Target.SCALAR);
            if (keyAnchor.isPresent()) {
                aliases.define(keyAnchor.get(), new Node.Scalar(Kind.STRING, key, keyMark), 1);
            }
            merges |= syntax == Syntax.YAML && key.equals(MERGE_KEY);
            entries.add(new Entry(key, keyMark, value(next())));
        }
        depth--;
        return new Node.Mapping(merges ? merged(entries) : entries, mark);
    }

    private Node sequence(Mark mark) throws ConfigException {
        enter(mark);
        List<Node> items = new ArrayList<>();
        JsonToken token;
        while ((token = next()) != JsonToken.END_ARRAY) {
            items.add(value(token));
        }
        depth--;
        return new Node.Sequence(items, mark);
    }

    private void enter(Mark mark) throws ConfigException {
        if (++depth > MAX_DEPTH) {
            throw file.error(mark, "nested too deeply (more than " + MAX_DEPTH + " levels)");
        }
    }

    /**
     * Applies YAML merge keys: {@code <<: *base} (or a list of maps) adds the entries of the merged maps
     * that the map does not set itself, in place of the {@code <<} entry; of several merged maps, the
     * first to set a key wins. Keys the map repeats itself stay, for the schema to report.
     */
    private List<Entry> merged(List<Entry> entries) throws ConfigException {
        Set<String> taken = new HashSet<>();
        for (Entry entry : entries) {
            if (!entry.key().equals(MERGE_KEY)) {
                taken.add(entry.key());
            }
        }
        List<Entry> result = new ArrayList<>();
        for (Entry entry : entries) {
            if (!entry.key().equals(MERGE_KEY)) {
                result.add(entry);
                continue;
            }
            for (Node.Mapping source : mergeSources(entry.value())) {
                for (Entry inherited : source.entries()) {
                    if (taken.add(inherited.key())) {
                        result.add(inherited);
                    }
                }
            }
        }
        return result;
    }

    private List<Node.Mapping> mergeSources(Node value) throws ConfigException {
        if (value instanceof Node.Mapping map) {
            return List.of(map);
        }
        List<Node.Mapping> maps = new ArrayList<>();
        if (value instanceof Node.Sequence list) {
            for (Node item : list.items()) {
                if (!(item instanceof Node.Mapping map)) {
                    throw mergeError(item);
                }
                maps.add(map);
            }
            return maps;
        }
        throw mergeError(value);
    }

    private ConfigException mergeError(Node found) {
        return file.error(
                found.mark(),
                "'<<' merges a map, or a list of maps, into this one (like <<: *base); found " + found.describe());
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

    private static ConfigException syntaxError(ConfigFile file, Syntax syntax, String original, int line, int column) {
        line = Math.max(line, 0);
        column = Math.max(column, 0);
        String problem;
        if (syntax == Syntax.YAML && original.contains("\n")) {
            // Keep the engine's last sentence and its position: the "problem" mark, not the "context".
            problem = lastStatement(original);
            Matcher m = YAML_MARK.matcher(original);
            while (m.find()) {
                line = Integer.parseInt(m.group(1));
                column = Integer.parseInt(m.group(2));
            }
        } else if (original.contains("=ALI *")) {
            // Jackson takes only a plain scalar as a key, and says so in the engine's event names.
            problem = "an alias (*name) cannot be a key";
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
