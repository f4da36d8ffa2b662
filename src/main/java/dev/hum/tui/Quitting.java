package dev.hum.tui;

import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import dev.hum.state.ProcessState;
import dev.hum.state.Status;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The status line while hum quits, and the way to quit at once: a second {@code q} says what is still stopping
 * and for how long, Ctrl-C asks for SIGKILL to every group left (the render loop does it). Render thread only.
 */
final class Quitting {

    /** When each process was first seen STOPPING, by id, in the dashboard's nanoseconds. */
    private final Map<Integer, Long> stoppingSince = new HashMap<>();

    private boolean showWhich;
    private boolean killRequested;
    private boolean killing;

    /** A key while quitting: {@code q} shows what is still stopping, Ctrl-C kills at once; others do nothing. */
    void key(KeyStroke key) {
        if (key.getKeyType() != KeyType.Character) {
            return;
        }
        char c = key.getCharacter();
        if (KeyMap.isCtrlC(key)) {
            if (!killing) {
                killing = true;
                killRequested = true;
            }
        } else if (!key.isCtrlDown() && !key.isAltDown() && c == 'q') {
            showWhich = true;
        }
    }

    /** True once after Ctrl-C: the caller sends SIGKILL to every group that is left. */
    boolean takeKillRequest() {
        boolean requested = killRequested;
        killRequested = false;
        return requested;
    }

    /** The status line's text for {@code states} at {@code now}, in {@code width} cells. */
    String line(List<ProcessState> states, long now, int width) {
        List<ProcessState> live = new ArrayList<>();
        for (ProcessState s : states) {
            if (s.status() == Status.STOPPING) {
                stoppingSince.putIfAbsent(s.id(), now);
            }
            if (s.status().isLive()) {
                live.add(s);
            }
        }
        String processes = live.size() + " process" + (live.size() == 1 ? "" : "es");
        if (killing) {
            return " quitting at once: killing " + processes + " with SIGKILL…";
        }
        if (!showWhich) {
            return " quitting: stopping " + processes + "… (q: which ones)";
        }
        String offer = " · Ctrl-C kills them now";
        String head = " still stopping: ";
        List<String> parts = new ArrayList<>();
        for (ProcessState s : live) {
            Long since = stoppingSince.get(s.id());
            // A process not yet STOPPING waits for its dependents to stop first (quit goes in that order).
            parts.add(s.name() + (since == null ? " (next)" : " " + (now - since) / 1_000_000_000L + "s"));
        }
        // As many names as fit, then how many more.
        for (int shown = parts.size(); shown >= 0; shown--) {
            String names = String.join(", ", parts.subList(0, shown));
            int more = parts.size() - shown;
            String text = head + names + (more == 0 ? "" : (shown == 0 ? "" : ", ") + "+" + more + " more") + offer;
            if (Canvas.width(text) <= width || shown == 0) {
                return text;
            }
        }
        return head + offer;
    }
}
