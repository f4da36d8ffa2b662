package dev.hum.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.util.List;
import java.util.Optional;

/**
 * Every key of the dashboard and what it does: the one source for key handling, the help overlay
 * and the README's key table, so the three cannot drift apart.
 */
final class KeyMap {

    /**
     * One line of the key table.
     *
     * @param keys how the keys are written for a person, such as "↑ / k"
     * @param does what they do
     * @param action the action they trigger
     * @param strokes the characters (for character keys) that trigger it
     * @param types the special keys that trigger it
     */
    record Binding(String keys, String does, Action action, String strokes, List<KeyType> types) {}

    static final List<Binding> BINDINGS = List.of(
            new Binding("↑ / k", "select the previous process", Action.SELECT_UP, "k", List.of(KeyType.ArrowUp)),
            new Binding("↓ / j", "select the next process", Action.SELECT_DOWN, "j", List.of(KeyType.ArrowDown)),
            new Binding("s", "start the selected process; on all: every one not running", Action.START, "s", List.of()),
            new Binding(
                    "x",
                    "stop the selected process (its whole tree); on all: every running one",
                    Action.STOP,
                    "x",
                    List.of()),
            new Binding("r", "restart the selected process; on all: every running one", Action.RESTART, "r", List.of()),
            new Binding(
                    "i",
                    "type a line into the selected process's stdin (Enter sends, Esc cancels)",
                    Action.INPUT,
                    "i",
                    List.of()),
            new Binding(
                    "K",
                    "send INT, HUP, USR1, USR2 or KILL to the selected process's group (a digit, or ←→ Enter)",
                    Action.SIGNAL,
                    "K",
                    List.of()),
            new Binding(
                    "PgUp / mouse wheel up",
                    "scroll the log up; tailing pauses and new lines are counted",
                    Action.PAGE_UP,
                    "",
                    List.of(KeyType.PageUp)),
            new Binding(
                    "PgDn / mouse wheel down", "scroll the log down", Action.PAGE_DOWN, "", List.of(KeyType.PageDown)),
            new Binding("End / G", "follow the tail again", Action.FOLLOW, "G", List.of(KeyType.End)),
            new Binding("Home / g", "go to the oldest line", Action.OLDEST, "g", List.of(KeyType.Home)),
            new Binding("/", "search the log (Enter to find, Esc to cancel)", Action.SEARCH, "/", List.of()),
            new Binding("n", "next match (older)", Action.NEXT_MATCH, "n", List.of()),
            new Binding("N", "previous match (newer)", Action.PREVIOUS_MATCH, "N", List.of()),
            new Binding("w", "wrap long lines, or cut them", Action.TOGGLE_WRAP, "w", List.of()),
            new Binding(
                    "v / mouse drag",
                    "select log lines to copy; j k ↑ ↓ PgUp PgDn Home End extend them",
                    Action.SELECT_LINES,
                    "v",
                    List.of()),
            new Binding(
                    "y / Enter",
                    "copy them as plain text: OSC 52, and wl-copy/xclip/xsel/pbcopy if found",
                    Action.COPY,
                    "y",
                    List.of(KeyType.Enter)),
            new Binding(
                    "m",
                    "give the mouse to the terminal (its own selection) or take it back",
                    Action.TOGGLE_MOUSE,
                    "m",
                    List.of()),
            new Binding(
                    "f",
                    "filter: show only the lines that match (text, or RE2 as /regex/), live; Esc clears",
                    Action.FILTER,
                    "f",
                    List.of()),
            new Binding("z", "zoom: the log takes the whole width, and back", Action.ZOOM, "z", List.of()),
            new Binding("t", "show each line's arrival time, or hide it", Action.TOGGLE_TIMES, "t", List.of()),
            new Binding("mouse click", "select the process clicked", Action.CANCEL, "", List.of()),
            new Binding(
                    "Esc",
                    "leave the selection, clear the search, then the filter; close help",
                    Action.CANCEL,
                    "",
                    List.of(KeyType.Escape)),
            new Binding("?", "show or hide this help", Action.HELP, "?", List.of()),
            new Binding(
                    "Ctrl-Z",
                    "suspend hum to the shell (fg brings it back); the processes keep running",
                    Action.SUSPEND,
                    "",
                    List.of()),
            new Binding(
                    "q / Ctrl-C",
                    "quit: stop every process, then exit; while stopping, q shows which, Ctrl-C kills them at once",
                    Action.QUIT,
                    "q",
                    List.of()));

    private KeyMap() {}

    /**
     * Ctrl-C, which quits from anywhere: the prompt, the input line, the signal chooser, and (quitting already) kills
     * at once. A key like any other in raw mode, where the terminal sends no SIGINT.
     */
    static boolean isCtrlC(KeyStroke key) {
        return key.getKeyType() == KeyType.Character
                && key.isCtrlDown()
                && (key.getCharacter() == 'c' || key.getCharacter() == 'C');
    }

    /** The action of a key stroke, if it has one. Mouse events are handled by the dashboard. */
    static Optional<Action> actionOf(KeyStroke key) {
        if (key.getKeyType() == KeyType.Character) {
            char c = key.getCharacter();
            if (isCtrlC(key)) {
                return Optional.of(Action.QUIT);
            }
            if (key.isCtrlDown() && (c == 'z' || c == 'Z')) {
                return Optional.of(Action.SUSPEND);
            }
            if (key.isCtrlDown() || key.isAltDown()) {
                return Optional.empty();
            }
            for (Binding b : BINDINGS) {
                if (b.strokes().indexOf(c) >= 0) {
                    return Optional.of(b.action());
                }
            }
            return Optional.empty();
        }
        for (Binding b : BINDINGS) {
            if (b.types().contains(key.getKeyType())) {
                return Optional.of(b.action());
            }
        }
        return Optional.empty();
    }

    /** The key table as Markdown, exactly as the README shows it. */
    static String markdownTable() {
        StringBuilder sb = new StringBuilder("| key | does |\n|---|---|\n");
        for (Binding b : BINDINGS) {
            sb.append("| ").append(b.keys()).append(" | ").append(b.does()).append(" |\n");
        }
        return sb.toString();
    }
}
