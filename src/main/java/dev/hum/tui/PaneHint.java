package dev.hum.tui;

import dev.hum.config.Origin;
import dev.hum.process.Supervised;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an empty log pane says instead of nothing: a project whose processes wait for {@code s} (package.json
 * scripts are listed, not started) must not open on a blank pane, and a process never started shows what it would
 * run. Render thread only.
 */
final class PaneHint {

    private PaneHint() {}

    /**
     * The hint for the pane while its feed holds no line, one entry per paragraph: {@code shown} is the selected
     * process, or empty for the all view over {@code states}; {@code origin} says where the processes came from.
     */
    static List<String> of(Optional<Supervised> shown, List<ProcessState> states, Origin origin) {
        if (shown.isPresent()) {
            Supervised p = shown.get();
            ProcessState s = states.get(p.id());
            if (s.status() == Status.NOT_STARTED) {
                return List.of(
                        p.name() + " has not been started. It runs:",
                        "  " + p.spec().command().display(),
                        "s start · ? keys");
            }
            return List.of(s.name() + " has printed nothing yet");
        }
        boolean noneStarted = states.stream().allMatch(s -> s.status() == Status.NOT_STARTED);
        if (noneStarted && origin == Origin.PACKAGE_JSON && !states.isEmpty()) {
            String count =
                    states.size() == 1 ? "1 package.json script is" : states.size() + " package.json scripts are";
            return List.of(
                    count + " listed, not started.",
                    "Select one (↓) and press s, or start hum as `hum " + scriptToSuggest(states) + "`.",
                    "s here starts all " + AllProcesses.count(states.size()) + " · ? shows the keys");
        }
        if (noneStarted) {
            return List.of("nothing printed yet — s starts all " + AllProcesses.count(states.size())
                    + ", ↓ selects one, ? shows the keys");
        }
        return List.of("nothing printed yet");
    }

    /** The script a newcomer most likely wants: {@code dev} when there is one, else the first listed. */
    static String scriptToSuggest(List<ProcessState> states) {
        return states.stream()
                .map(ProcessState::name)
                .filter("dev"::equals)
                .findFirst()
                .orElse(states.get(0).name());
    }

    /**
     * Paints {@code hint} from the pane's top left, each paragraph wrapped at spaces to {@code width} cells (a
     * paragraph that starts with spaces, a command, keeps them).
     */
    static void paint(Canvas canvas, int col, int row, int width, int height, List<String> hint) {
        int r = row;
        for (String paragraph : hint) {
            for (String line : wrap(paragraph, Math.max(1, width - 2))) {
                if (r >= row + height) {
                    return;
                }
                canvas.text(col + 1, r++, line, width - 1, Theme.FG, Theme.BG, Canvas.PLAIN);
            }
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        int indent = 0;
        while (indent < text.length() && text.charAt(indent) == ' ') {
            indent++;
        }
        StringBuilder line = new StringBuilder(text.substring(0, indent));
        for (String word : text.substring(indent).split(" ")) {
            if (line.length() > indent && Canvas.width(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 && line.charAt(line.length() - 1) != ' ' ? " " : "")
                    .append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
