package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.input.KeyType;
import dev.hum.log.LogBuffer;
import dev.hum.log.LogLine;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The input line: a key opens it for the selected process, Enter sends to that process's stdin, Esc drops it. */
final class InputLineTest {

    /** Prints wait-2, which its command line (shown in the log's first line) does not contain. */
    private static final String LOOP = "echo wait-$((1+1)); while read l; do echo \"got $l\"; done";

    private static List<String> lines(ScreenHarness h, String name) {
        LogBuffer log = h.supervisor.find(name).orElseThrow().log();
        return log.readFrom(log.firstSeq(), 1000).lines().stream()
                .map(LogLine::text)
                .toList();
    }

    @Test
    void inputLine_enterSendsTheLineToTheSelectedProcess() throws Exception {
        try (ScreenHarness h = new ScreenHarness(100, 20, ScreenHarness.shell("reader", LOOP))) {
            h.startAll();
            h.awaitText("wait-2");

            h.press('i');
            h.awaitText("input to reader:");
            h.type("hello from the keys");
            h.awaitText("input to reader: hello from the keys");
            h.press(KeyType.Enter);

            h.awaitText("got hello from the keys");
            assertFalse(h.text().contains("input to reader:"), "Enter closes the line");
        }
    }

    @Test
    void inputLine_escCancelsAndKeysAreTextWhileTyping() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100, 20, ScreenHarness.shell("reader", LOOP), ScreenHarness.shell("other", "sleep 60"))) {
            h.startAll();
            h.press('j'); // from "all" to reader
            h.press('i');
            h.type("q x s"); // not quit, stop or start: text
            h.awaitText("input to reader: q x s");
            assertFalse(h.dashboard.quitRequested());
            h.press(KeyType.Escape);
            assertFalse(h.text().contains("input to reader:"), h.text());

            h.press('i');
            h.type("rs");
            h.press(KeyType.Enter);
            h.await(() -> lines(h, "reader").contains("got rs"), "rs to reach the reader");
            assertTrue(lines(h, "reader").stream().noneMatch(l -> l.contains("q x s")), "Esc sent nothing");
        }
    }

    @Test
    void inputLine_onAllAsksForAProcess() throws Exception {
        try (ScreenHarness h = new ScreenHarness(
                100, 20, ScreenHarness.shell("a", "sleep 60"), ScreenHarness.shell("b", "sleep 60"))) {
            h.press('i');
            h.awaitText("to type into it");
        }
    }
}
