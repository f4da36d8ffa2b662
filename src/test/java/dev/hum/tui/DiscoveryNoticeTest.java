package dev.hum.tui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.TextCharacter;
import com.googlecode.lanterna.screen.Screen;
import com.googlecode.lanterna.screen.TerminalScreen;
import com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal;
import dev.hum.config.ConfigLoader;
import dev.hum.config.ProjectConfig;
import dev.hum.process.Supervisor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dashboard's first screen names a Procfile that discovery passed over for package.json. */
final class DiscoveryNoticeTest {

    @TempDir
    Path dir;

    @Test
    void firstFrame_showsTheProcfileBesidePackageJson() throws Exception {
        Files.writeString(dir.resolve("package.json"), "{\"scripts\": {\"start\": \"react-scripts start\"}}");
        Files.writeString(dir.resolve("Procfile.dev"), "web: npm start\n");
        // As DashboardCommand hands them over: the configuration's notices are the first notes.
        ProjectConfig config = ConfigLoader.discover(dir);
        var terminal = new DefaultVirtualTerminal(new TerminalSize(240, 12));
        Screen screen = new TerminalScreen(terminal);
        screen.startScreen();
        try (Supervisor supervisor = new Supervisor(config)) {
            var dashboard = new Dashboard(
                    supervisor, "test", Dashboard.Clock.SYSTEM, new ConcurrentLinkedQueue<>(config.notices()));
            dashboard.draw(screen);
            screen.refresh();
            StringBuilder text = new StringBuilder();
            for (int r = 0; r < 12; r++) {
                for (int c = 0; c < 240; c++) {
                    TextCharacter ch = terminal.getCharacter(c, r);
                    text.append(ch == null ? " " : ch.getCharacterString());
                }
                text.append('\n');
            }
            assertTrue(text.toString().contains("also found Procfile.dev: hum -c "), text::toString);
        } finally {
            screen.stopScreen();
        }
    }
}
