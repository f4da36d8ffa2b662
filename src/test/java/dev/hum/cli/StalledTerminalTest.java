package dev.hum.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hum.testing.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * hum on a terminal that stopped reading (a frozen ssh session) while a child floods: every write
 * to the terminal blocks for good, and a signal must still stop every process and end hum.
 */
final class StalledTerminalTest {

    @TempDir
    Path dir;

    private final String token = "humstall-" + UUID.randomUUID().toString().substring(0, 8);
    private Process hum;

    @AfterEach
    void cleanUp() {
        if (hum != null) {
            hum.destroyForcibly();
        }
        for (long pid : TokenScan.find(token)) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void sigterm_stopsEveryProcessAndExitsThoughTheTerminalNeverReads() throws Exception {
        Assumptions.assumeTrue(writeSyscall() > 0, "knows the write syscall's number only on amd64 and aarch64");
        String env = "    env: {HUM_TEST_TOKEN: " + token + "}\n";
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n"
                        + "  flood:\n    cmd: i=0; while :; do i=$((i+1)); echo flood-$i; sleep 0.01; done\n" + env
                        + "  quiet:\n    cmd: trap '' TERM; sleep 300\n    stop_timeout: 1s\n" + env);
        try (Pty pty = Pty.open()) {
            hum = start(pty);
            // Read until the dashboard shows the flood (answering Lanterna's size query), then never again.
            AtomicBoolean drawn = new AtomicBoolean();
            Thread reader = new Thread(() -> readUntilDrawn(pty, drawn), "pty-reader");
            reader.setDaemon(true);
            reader.start();
            Poll.until("the dashboard to show the flood", drawn::get);
            reader.join(TimeUnit.SECONDS.toMillis(Poll.LIMIT.toSeconds()));
            Poll.until("hum to block writing to the terminal", () -> blockedWritingToTerminal(hum.pid()));
            assertFalse(TokenScan.find(token).isEmpty(), "the processes run");

            new ProcessBuilder("kill", "-TERM", Long.toString(hum.pid()))
                    .start()
                    .waitFor();

            Poll.until("hum to exit although its terminal never reads", () -> !hum.isAlive());
            assertEquals(128 + 15, hum.exitValue());
            Poll.until("every process to stop", () -> TokenScan.find(token), List::isEmpty);
            // The modes need no frame to finish: echo and line mode are back for when it reads again.
            String modes = stty(pty.slave());
            assertTrue(modes.contains(" echo ") && modes.contains(" icanon "), modes);
        }
    }

    @Test
    void terminalThatNeverAnswersASizeQuery_isDrawnAtOnceAtTheKernelsSize() throws Exception {
        Assumptions.assumeTrue(writeSyscall() > 0, "knows the window size request only on amd64 and aarch64");
        Files.writeString(
                dir.resolve("hum.yaml"),
                "processes:\n  app:\n    cmd: echo app-up; sleep 300\n    env: {HUM_TEST_TOKEN: " + token + "}\n");
        try (Pty pty = Pty.open()) {
            pty.size(100, 30);
            hum = start(pty);
            // Never answers a cursor-position report: Lanterna would wait 5 s for each and then guess 80x24.
            StringBuilder seen = new StringBuilder();
            Poll.until("the first frame at 100 columns", () -> {
                seen.append(pty.read());
                return seen.indexOf("app-up") >= 0 && seen.indexOf("q quit") >= 0;
            });
            assertFalse(seen.indexOf("\033[6n") >= 0, "asked the terminal for its size");
            assertTrue(seen.indexOf("\033[30;") >= 0, "drew on row 30, the last"); // the key bar's cursor move
        }
    }

    /** hum on the pty as its controlling terminal, as a shell in a terminal window starts it. */
    private Process start(Pty pty) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", "--ctty", "env", "--default-signal=HUP,INT,TERM"));
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1"));
        command.add(Main.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectInput(pty.slave().toFile())
                .redirectOutput(pty.slave().toFile())
                .redirectError(pty.slave().toFile());
        builder.environment().put("TERM", "xterm-256color");
        return builder.start();
    }

    private static String stty(Path tty) throws IOException, InterruptedException {
        Process stty = new ProcessBuilder("stty", "-a", "-F", tty.toString())
                .redirectErrorStream(true)
                .start();
        String out = new String(stty.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        stty.waitFor();
        return " " + out.replaceAll("[\\s;]+", " ") + " ";
    }

    private static void readUntilDrawn(Pty pty, AtomicBoolean drawn) {
        StringBuilder seen = new StringBuilder();
        while (!drawn.get()) {
            String chunk = pty.read();
            if (chunk.isEmpty()) {
                return;
            }
            seen.append(chunk);
            if (chunk.contains("\033[6n")) {
                pty.type("\033[24;100R"); // the terminal's answer: 100 columns, 24 rows
            }
            if (seen.indexOf("flood-") >= 0 && seen.indexOf("quiet") >= 0) {
                drawn.set(true);
            }
            if (seen.length() > 1 << 20) {
                seen.delete(0, seen.length() - 4096);
            }
        }
    }

    /** True when a thread of {@code pid} sleeps in write(1, …): its terminal does not take more. */
    private static boolean blockedWritingToTerminal(long pid) {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    String[] call = Files.readString(task.resolve("syscall")).split(" ");
                    if (call.length > 1 && call[0].equals(Integer.toString(writeSyscall())) && call[1].equals("0x1")) {
                        return true;
                    }
                } catch (IOException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return false;
        }
        return false;
    }

    private static int writeSyscall() {
        switch (System.getProperty("os.arch")) {
            case "amd64":
            case "x86_64":
                return 1;
            case "aarch64":
                return 64;
            default:
                return -1;
        }
    }
}
