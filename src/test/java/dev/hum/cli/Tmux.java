package dev.hum.cli;

import dev.hum.testing.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A private tmux server (its own socket, no user configuration) with one session running {@code sh}:
 * a real terminal that a test types into and reads back, the way a user would.
 */
final class Tmux implements AutoCloseable {

    private static final String SESSION = "hum";

    private final String socket = "hum-test-" + UUID.randomUUID().toString().substring(0, 8);
    private Path socketPath;

    static boolean installed() {
        try {
            Process p =
                    new ProcessBuilder("tmux", "-V").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts the server with a {@code columns} x {@code rows} window running sh in {@code folder}. */
    static Tmux start(Path folder, int columns, int rows) throws IOException, InterruptedException {
        Tmux tmux = new Tmux();
        tmux.run(
                "new-session",
                "-d",
                "-s",
                SESSION,
                "-x",
                Integer.toString(columns),
                "-y",
                Integer.toString(rows),
                "-c",
                folder.toString(),
                "sh");
        tmux.socketPath =
                Path.of(tmux.run("display-message", "-p", "#{socket_path}").strip());
        tmux.await(s -> !s.isBlank(), "the shell's prompt"); // keys typed before it would echo before it
        return tmux;
    }

    /** Types {@code text} literally, then Enter. */
    void typeLine(String text) throws IOException, InterruptedException {
        type(text);
        keys("Enter");
    }

    /** Types {@code text} literally: no key names are interpreted. */
    void type(String text) throws IOException, InterruptedException {
        run("send-keys", "-t", SESSION, "-l", text);
    }

    /** Sends tmux key names: {@code Enter}, {@code Escape}, {@code C-c}, {@code j}. */
    void keys(String... names) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("send-keys", "-t", SESSION));
        args.addAll(List.of(names));
        run(args.toArray(new String[0]));
    }

    /** What the pane shows now, one line per row. */
    String screen() throws IOException, InterruptedException {
        return run("capture-pane", "-p", "-t", SESSION);
    }

    /** Polls the pane until {@code condition} holds, or fails with the last screen. */
    String await(Predicate<String> condition, String what) {
        return Poll.until(
                what,
                () -> {
                    try {
                        return screen();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                },
                condition);
    }

    String awaitText(String text) throws IOException, InterruptedException {
        return await(s -> s.contains(text), "'" + text + "'");
    }

    /** The pane's title, which an escaped OSC 0/2 sequence would change. */
    String paneTitle() throws IOException, InterruptedException {
        return run("display-message", "-p", "-t", SESSION, "#{pane_title}").strip();
    }

    /**
     * A tmux format about the pane, such as {@code #{alternate_on}} (1 while the alternate screen is
     * up) or {@code #{cursor_flag}} (1 while the cursor is visible).
     */
    String paneFormat(String format) throws IOException, InterruptedException {
        return run("display-message", "-p", "-t", SESSION, format).strip();
    }

    /** Resizes the window, as a person dragging the terminal's corner does: the pane gets SIGWINCH. */
    void resize(int columns, int rows) throws IOException, InterruptedException {
        run("resize-window", "-t", SESSION, "-x", Integer.toString(columns), "-y", Integer.toString(rows));
    }

    /** Sets a server option, such as {@code set-clipboard on}. */
    void setOption(String name, String value) throws IOException, InterruptedException {
        run("set-option", "-g", name, value);
    }

    /** The newest paste buffer (what an OSC 52 copy puts there with set-clipboard on), or empty when there is none. */
    String newestBuffer() throws InterruptedException {
        try {
            return run("show-buffer");
        } catch (IOException e) {
            return ""; // "no buffers"
        }
    }

    /** The pid of the shell in the pane. */
    long shellPid() throws IOException, InterruptedException {
        return Long.parseLong(
                run("display-message", "-p", "-t", SESSION, "#{pane_pid}").strip());
    }

    /** The shell's child whose command line contains {@code marker}, if it is running. */
    Optional<Long> childOfShell(String marker) throws IOException, InterruptedException {
        String parent = Long.toString(shellPid());
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : dir) {
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    String cmdline = new String(Files.readAllBytes(p.resolve("cmdline")), StandardCharsets.UTF_8);
                    if (fields[1].equals(parent) && cmdline.contains(marker)) {
                        return Optional.of(Long.parseLong(p.getFileName().toString()));
                    }
                } catch (IOException | RuntimeException e) {
                    // gone while we looked
                }
            }
        }
        return Optional.empty();
    }

    private String run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tmux", "-L", socket, "-f", "/dev/null"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("TMUX"); // a test run inside tmux still gets its own server
        Process p = builder.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /** Kills the server and with it the pane's shell; whatever the test left running. */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("kill-server");
        } catch (IOException e) {
            // the server already ended
        }
        if (socketPath != null) {
            Files.deleteIfExists(socketPath); // a killed server may leave its socket file behind
        }
    }
}
