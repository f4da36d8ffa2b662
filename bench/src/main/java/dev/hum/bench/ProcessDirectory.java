package dev.hum.bench;

import dev.hum.state.ProcessState;
import dev.hum.state.Registry;
import dev.hum.state.StateCell;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One way of finding a process's state by name and listing every process's state. */
interface ProcessDirectory {

    ProcessState find(String name);

    List<ProcessState> all();

    /** The directory a benchmark's {@code kind} parameter names, holding {@code names} in that order. */
    static ProcessDirectory of(String kind, List<String> names) {
        Registry registry = new Registry(names);
        List<StateCell> cells = new ArrayList<>(registry.board().cells());
        return switch (kind) {
            case "registry" -> new RegistryDirectory(registry);
            case "lockedHashMap" -> new LockedDirectory(names, cells);
            case "concurrentHashMap" -> new ConcurrentDirectory(names, cells);
            default -> throw new IllegalArgumentException("unknown directory: " + kind);
        };
    }

    /** hum's way: an immutable board of cells, fixed at start. */
    final class RegistryDirectory implements ProcessDirectory {
        private final Registry registry;

        RegistryDirectory(Registry registry) {
            this.registry = registry;
        }

        @Override
        public ProcessState find(String name) {
            return registry.find(name).orElseThrow().get();
        }

        @Override
        public List<ProcessState> all() {
            return registry.board().states();
        }
    }

    /** Baseline: a {@link HashMap} (insertion-ordered, for display) under one monitor; "all" copies under it. */
    final class LockedDirectory implements ProcessDirectory {
        private final Map<String, StateCell> byName = new LinkedHashMap<>();

        LockedDirectory(List<String> names, List<StateCell> cells) {
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), cells.get(i));
            }
        }

        @Override
        public ProcessState find(String name) {
            StateCell cell;
            synchronized (this) {
                cell = byName.get(name);
            }
            return cell.get();
        }

        @Override
        public List<ProcessState> all() {
            List<StateCell> cells;
            synchronized (this) {
                cells = new ArrayList<>(byName.values());
            }
            return states(cells);
        }
    }

    /** Baseline: a {@link ConcurrentHashMap}; "all" copies its values on every read. */
    final class ConcurrentDirectory implements ProcessDirectory {
        private final Map<String, StateCell> byName = new ConcurrentHashMap<>();

        ConcurrentDirectory(List<String> names, List<StateCell> cells) {
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), cells.get(i));
            }
        }

        @Override
        public ProcessState find(String name) {
            return byName.get(name).get();
        }

        @Override
        public List<ProcessState> all() {
            return states(new ArrayList<>(byName.values()));
        }
    }

    private static List<ProcessState> states(List<StateCell> cells) {
        List<ProcessState> out = new ArrayList<>(cells.size());
        for (StateCell cell : cells) {
            out.add(cell.get());
        }
        return out;
    }
}
