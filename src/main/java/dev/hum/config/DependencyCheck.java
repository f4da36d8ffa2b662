package dev.hum.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Refuses dependencies on unknown processes (suggesting the nearest name) and cycles (naming every step). */
final class DependencyCheck {

    private DependencyCheck() {}

    static void check(ConfigFile file, Set<String> names, List<LifecycleReader.Edge> edges) throws ConfigException {
        Map<String, List<LifecycleReader.Edge>> out = new LinkedHashMap<>();
        for (LifecycleReader.Edge e : edges) {
            if (!names.contains(e.to())) {
                String hint = NearestKey.suggest(e.to(), List.copyOf(names))
                        .map(k -> "; did you mean '" + k + "'?")
                        .orElse("; known: " + String.join(", ", names));
                throw file.error(
                        e.mark(),
                        "'" + e.from() + "' depends on unknown process '" + ProcessName.printable(e.to()) + "'" + hint);
            }
            out.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
        }
        // Depth-first search, colouring nodes; a grey node met again closes a cycle along the current path.
        Map<String, Integer> colour = new HashMap<>();
        for (String start : out.keySet()) {
            List<LifecycleReader.Edge> path = new ArrayList<>();
            visit(file, start, out, colour, path);
        }
    }

    private static void visit(
            ConfigFile file,
            String node,
            Map<String, List<LifecycleReader.Edge>> out,
            Map<String, Integer> colour,
            List<LifecycleReader.Edge> path)
            throws ConfigException {
        Integer c = colour.get(node);
        if (c != null && c == 2) {
            return;
        }
        colour.put(node, 1);
        for (LifecycleReader.Edge e : out.getOrDefault(node, List.of())) {
            path.add(e);
            if (colour.get(e.to()) != null && colour.get(e.to()) == 1) {
                throw cycle(file, path, e.to());
            }
            visit(file, e.to(), out, colour, path);
            path.remove(path.size() - 1);
        }
        colour.put(node, 2);
    }

    private static ConfigException cycle(ConfigFile file, List<LifecycleReader.Edge> path, String closing) {
        int from = 0;
        while (!path.get(from).from().equals(closing)) {
            from++;
        }
        List<LifecycleReader.Edge> loop = path.subList(from, path.size());
        var names = new StringBuilder(loop.get(0).from());
        for (LifecycleReader.Edge e : loop) {
            names.append(" → ").append(e.to());
        }
        return file.error(loop.get(0).mark(), "dependency cycle: " + names);
    }
}
