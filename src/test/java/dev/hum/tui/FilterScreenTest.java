package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code f} and {@code z} on the virtual terminal, over real processes. */
final class FilterScreenTest {

    /** Fifty lines, every tenth an error (five), then quiet. */
    private static final String FIFTY =
            "i=1; while [ $i -le 50 ]; do if [ $((i % 10)) -eq 0 ]; then w=ERR; echo \"${w}OR at $i\"; else echo \"ok $i\"; fi;"
                    + " i=$((i+1)); done; sleep 300";

    @TempDir
    Path dir;

    @Test
    void filter_oneProcess_showsOnlyTheMatchesAndTheCount() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 16, ScreenHarness.shell("web", FIFTY))) {
            h.startAll();
            h.awaitText("ok 49");
            h.press('f');
            assertTrue(h.text().contains("filter: ▏"), h.text());
            h.type("error");
            h.press(KeyType.Enter);
            h.awaitText("filter: error · 5 of 51 lines");
            List<String> shown = paneLines(h);
            assertEquals(List.of("ERROR at 10", "ERROR at 20", "ERROR at 30", "ERROR at 40", "ERROR at 50"), shown);
        }
    }

    @Test
    void filter_allView_regex_showsTheMatchesOfEveryProcessByName() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100, 20, ScreenHarness.shell("web", FIFTY), ScreenHarness.shell("api", FIFTY.replace("ok", "fine")))) {
            h.startAll();
            awaitLines(h, "web", 51);
            awaitLines(h, "api", 51);
            h.press('f');
            h.type("/(ok|fine) [12]0?$/");
            h.press(KeyType.Enter);
            h.awaitText("filter: /(ok|fine) [12]0?$/ · 4 of 102 lines");
            List<String> shown = paneLines(h);
            assertEquals(4, shown.size(), h.text());
            assertTrue(shown.contains("web | ok 1") && shown.contains("api | fine 2"), h.text());
        }
    }

    /** Waits until {@code name} has printed {@code lines} lines (its start notice included). */
    private static void awaitLines(ScreenHarness h, String name, long lines) {
        h.await(
                () -> h.supervisor.find(name).orElseThrow().log().totalAppended() >= lines,
                name + " to print " + lines + " lines");
    }

    /** The text of the log pane's rows that hold a line, without the gutter or name column. */
    private static List<String> paneLines(ScreenHarness h) {
        return h.text()
                .lines()
                .skip(1)
                .limit(14)
                .map(row -> row.substring(row.indexOf('│') + 1).strip())
                .map(text -> text.replaceAll("\\s*│\\s*", " | "))
                .filter(text -> !text.isEmpty())
                .toList();
    }
}
