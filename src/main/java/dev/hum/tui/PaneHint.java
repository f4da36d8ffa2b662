package dev.hum.tui;

import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What an empty log pane says instead of nothing: a project whose processes wait for {@code s} (package.json
 * scripts are listed, not started) must not open on a blank pane. Render thread only.
 */
final class PaneHint {

    private PaneHint() {}

    /**
     * The hint for the pane while its feed holds no line: {@code shown} is the selected process, or empty for
     * the all view over {@code states}.
     */
    static String of(Optional<ProcessState> shown, List<ProcessState> states) {
        if (shown.isPresent()) {
            ProcessState s = shown.get();
            if (s.status() == Status.NOT_STARTED) {
                return s.name() + " is not started: press s to start it, ? shows the keys";
            }
            return s.name() + " has printed nothing yet";
        }
        boolean noneStarted = states.stream().allMatch(s -> s.status() == Status.NOT_STARTED);
        if (noneStarted) {
            return "nothing printed yet — s starts all " + AllProcesses.count(states.size())
                    + ", ↓ selects one, ? shows the keys";
        }
        return "nothing printed yet";
    }

    /** Paints {@code hint} from the pane's top left, wrapped at spaces to {@code width} cells. */
    static void paint(Canvas canvas, int col, int row, int width, int height, String hint) {
        int r = row;
        for (String line : wrap(hint, Math.max(1, width - 2))) {
            if (r >= row + height) {
                break;
            }
            canvas.text(col + 1, r++, line, width - 1, Theme.FG, Theme.BG, Canvas.PLAIN);
        }
    }

    static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && Canvas.width(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }
}
