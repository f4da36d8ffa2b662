package dev.hum.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Suggests the valid key a mistyped one was probably meant to be. */
final class NearestKey {
    // Words people bring from other tools (Procfile runners, docker-compose, mprocs) that no edit
    // distance would connect to ours.
    private static final Map<String, String> SYNONYMS = Map.ofEntries(
            Map.entry("command", "cmd"),
            Map.entry("shell", "cmd"),
            Map.entry("run", "cmd"),
            Map.entry("script", "cmd"),
            Map.entry("dir", "cwd"),
            Map.entry("workdir", "cwd"),
            Map.entry("working_dir", "cwd"),
            Map.entry("environment", "env"),
            Map.entry("signal", "stop_signal"),
            Map.entry("timeout", "stop_timeout"),
            Map.entry("procs", "processes"),
            Map.entry("healthcheck", "ready"),
            Map.entry("readiness", "ready"),
            Map.entry("readiness_probe", "ready"),
            Map.entry("needs", "depends_on"),
            Map.entry("after", "depends_on"),
            Map.entry("restart_policy", "restart"),
            Map.entry("availability", "restart"),
            Map.entry("envfile", "env_file"),
            Map.entry("dotenv", "env_file"),
            Map.entry("services", "processes"));

    private NearestKey() {}

    /** The closest of {@code valid}, if it is close enough to be a plausible typo. */
    static Optional<String> suggest(String typed, List<String> valid) {
        String lower = typed.toLowerCase(java.util.Locale.ROOT).replace('-', '_');
        String synonym = SYNONYMS.get(lower);
        if (synonym != null && valid.contains(synonym)) {
            return Optional.of(synonym);
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : valid) {
            int d = distance(lower, candidate);
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        // A third of the word may be wrong; beyond that the suggestion is a guess, not a help.
        int allowed = Math.max(1, Math.max(typed.length(), 3) / 3);
        return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Optimal string alignment distance: Levenshtein plus swapped neighbours ("cmd" vs "cdm"). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
