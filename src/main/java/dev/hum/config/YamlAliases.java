package dev.hum.config;

import dev.hum.config.Node.Mark;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;

/**
 * YAML anchors ({@code &name}) and the aliases ({@code *name}) that repeat them, for {@link TreeReader}.
 *
 * <p>Jackson reports an alias as a string holding its name and forgets the anchor of a scalar, so the
 * anchors are found by a first pass over the YAML engine's own events, by where each anchored node
 * starts (the position Jackson reports for the same node, read from the same event). The pass runs
 * only when the text has an alias in it.
 *
 * <p>An alias yields the anchored node itself (the tree is immutable, so sharing costs nothing), but
 * what reads the tree walks each repetition: the values aliases stand for are counted, and more than
 * {@link #MAX_EXPANDED} is refused, so a "billion laughs" file stays a few kilobytes of work.
 */
final class YamlAliases {
    /** Values that aliases may stand for in one file; compose-like files with a base per service use hundreds. */
    static final int MAX_EXPANDED = 10_000;

    /** The kinds of node an anchor can mark, so a map and its first key at one position stay apart. */
    enum Target {
        MAPPING,
        SEQUENCE,
        SCALAR
    }

    private record Place(Mark mark, Target target) {}

    private record Anchored(Node node, long size) {}

    private final ConfigFile file;
    private final Map<Place, String> anchorAt;
    private final Map<String, Anchored> defined = new HashMap<>();
    private final Set<String> open = new HashSet<>();
    private long expanded;

    private YamlAliases(ConfigFile file, Map<Place, String> anchorAt) {
        this.file = file;
        this.anchorAt = anchorAt;
    }

    /** For JSON, and for YAML without a {@code *}: no alias can occur, so no anchor matters. */
    static YamlAliases none(ConfigFile file) {
        return new YamlAliases(file, Map.of());
    }

    /**
     * Finds where the anchors of {@code text} are. A syntax error surfaces here as the engine's
     * exception, the same that Jackson would wrap, and the caller reports it as one.
     */
    static YamlAliases scan(ConfigFile file, String text) {
        if (text.indexOf('*') < 0) {
            return none(file);
        }
        var anchors = new HashMap<Place, String>();
        LoadSettings settings = LoadSettings.builder()
                .setCodePointLimit(Integer.MAX_VALUE) // ConfigFile already bounds the size
                .build();
        for (Event event : new Parse(settings).parseString(text)) {
            if (event instanceof NodeEvent node
                    && !(event instanceof AliasEvent)
                    && node.getAnchor().isPresent()) {
                Target target =
                        switch (event.getEventId()) {
                            case MappingStart -> Target.MAPPING;
                            case SequenceStart -> Target.SEQUENCE;
                            default -> Target.SCALAR;
                        };
                event.getStartMark()
                        .ifPresent(m -> anchors.put(
                                new Place(new Mark(m.getLine() + 1, m.getColumn() + 1), target),
                                node.getAnchor().get().getValue()));
            }
        }
        return new YamlAliases(file, anchors);
    }

    /** The anchor on the node of this kind that starts at {@code mark}, if it has one. */
    Optional<String> anchorAt(Mark mark, Target target) {
        return Optional.ofNullable(anchorAt.get(new Place(mark, target)));
    }

    /** A map or list with this anchor has begun: an alias to it before it ends would contain itself. */
    void opening(String anchor) {
        open.add(anchor);
    }

    /** The node is complete; later aliases stand for it (a repeated anchor takes over from then on). */
    void define(String anchor, Node node, long size) {
        open.remove(anchor);
        defined.put(anchor, new Anchored(node, size));
    }

    /** How many values the node stands for, counted once for the budget; see {@link #resolve}. */
    long sizeOf(String anchor) {
        Anchored a = defined.get(anchor);
        return a == null ? 0 : a.size();
    }

    /** The node {@code *anchor} stands for, placed at the alias so that errors about it point there. */
    Node resolve(String anchor, Mark at) throws ConfigException {
        Anchored a = defined.get(anchor);
        if (a == null) {
            String why = open.contains(anchor)
                    ? "alias *" + anchor + " is inside the value it names; a value cannot contain itself"
                    : "unknown alias *" + anchor + "; no '&" + anchor + "' before it";
            throw file.error(at, why);
        }
        expanded += a.size();
        if (expanded > MAX_EXPANDED) {
            throw file.error(
                    at,
                    "aliases expand to more than " + MAX_EXPANDED
                            + " values; write the repeated parts out, or repeat less");
        }
        Node node = a.node();
        if (node instanceof Node.Scalar s) {
            return new Node.Scalar(s.kind(), s.text(), at);
        }
        if (node instanceof Node.Sequence s) {
            return new Node.Sequence(s.items(), at);
        }
        return new Node.Mapping(((Node.Mapping) node).entries(), at);
    }
}
