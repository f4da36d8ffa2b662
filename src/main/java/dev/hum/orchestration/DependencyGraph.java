package dev.hum.orchestration;

import dev.hum.config.Dependency;
import dev.hum.config.ProcessSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who depends on whom, from the configuration (which has already refused unknown names and cycles): an order in
 * which every process comes after its dependencies, and the levels quit stops one after another.
 */
public final class DependencyGraph {

    private final Map<String, List<Dependency>> dependencies;
    private final Map<String, Integer> level;
    private final List<String> order;

    public DependencyGraph(List<ProcessSpec> specs) {
        Map<String, List<Dependency>> deps = new LinkedHashMap<>();
        for (ProcessSpec spec : specs) {
            deps.put(spec.name(), spec.lifecycle().dependsOn());
        }
        this.dependencies = deps;
        Map<String, Integer> levels = new HashMap<>();
        for (String name : deps.keySet()) {
            levelOf(name, levels, 0);
        }
        this.level = levels;
        List<String> sorted = new ArrayList<>(deps.keySet());
        // stable: within a level, the order the configuration lists them in
        sorted.sort((a, b) -> Integer.compare(levels.getOrDefault(a, 0), levels.getOrDefault(b, 0)));
        this.order = List.copyOf(sorted);
    }

    private int levelOf(String name, Map<String, Integer> levels, int depth) {
        Integer known = levels.get(name);
        if (known != null) {
            return known;
        }
        if (depth > dependencies.size()) {
            throw new IllegalArgumentException("dependency cycle through " + name);
        }
        int l = 0;
        for (Dependency d : dependencies.getOrDefault(name, List.of())) {
            if (dependencies.containsKey(d.name())) {
                l = Math.max(l, levelOf(d.name(), levels, depth + 1) + 1);
            }
        }
        levels.put(name, l);
        return l;
    }

    /** What {@code name} depends on, as configured. */
    public List<Dependency> dependenciesOf(String name) {
        return dependencies.getOrDefault(name, List.of());
    }

    /** True when any process has a dependency. */
    public boolean hasDependencies() {
        return dependencies.values().stream().anyMatch(d -> !d.isEmpty());
    }

    /** Every process, each after everything it depends on. */
    public List<String> startOrder() {
        return order;
    }

    /** The levels quit stops one after another: those nothing depends on first, each level's dependencies later. */
    public List<List<String>> stopLevels() {
        int top = level.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        List<List<String>> levels = new ArrayList<>();
        for (int l = top; l >= 0; l--) {
            List<String> these = new ArrayList<>();
            for (String name : order) {
                if (level.getOrDefault(name, 0) == l) {
                    these.add(name);
                }
            }
            levels.add(List.copyOf(these));
        }
        return List.copyOf(levels);
    }
}
