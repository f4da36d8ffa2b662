package dev.hum.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs hum's real main class in its own JVM, in a folder, the way a user runs the command. */
final class HumProcess {

    final Process process;
    final Path stdout;
    final Path stderr;

    private HumProcess(Process process, Path stdout, Path stderr) {
        this.process = process;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static HumProcess start(Path folder, Map<String, String> env, String... args) throws IOException {
        return startClass(folder, env, false, Main.class.getName(), args);
    }

    /** As {@link #start}, with stdin a pipe the test writes to ({@link #input}), as an MCP client does. */
    static HumProcess startWithInput(Path folder, Map<String, String> env, String... args) throws IOException {
        return startClass(folder, env, true, Main.class.getName(), args);
    }

    /**
     * As {@link #start}, with hum's stdout a pipe that the test reads, and may close, through {@code
     * process.getInputStream()}, as {@code hum --headless | head -2} does; {@link #stdoutText} is then empty.
     */
    static HumProcess startPiped(Path folder, Map<String, String> env, String... args) throws IOException {
        return startClass(folder, env, false, Main.class.getName(), ProcessBuilder.Redirect.PIPE, args);
    }

    /** Runs another main class of the test classpath, such as a probe wired like hum. */
    static HumProcess startClass(Path folder, String mainClass, String... args) throws IOException {
        return startClass(folder, Map.of(), false, mainClass, args);
    }

    private static HumProcess startClass(
            Path folder, Map<String, String> env, boolean input, String mainClass, String... args) throws IOException {
        return startClass(folder, env, input, mainClass, null, args);
    }

    private static HumProcess startClass(
            Path folder,
            Map<String, String> env,
            boolean input,
            String mainClass,
            ProcessBuilder.Redirect stdout,
            String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        // A signal ignored by whoever started the build (nohup, a background job of a script) stays
        // ignored in every child, and the JVM then leaves it ignored, as POSIX wants: hum would not
        // react to the very signals these tests send. Start hum as a terminal would, with defaults
        // (GNU env 8.31 or later, as on every supported Debian).
        command.add("env");
        command.add("--default-signal=HUP,INT,TERM");
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-XX:TieredStopAtLevel=1"); // start-up matters more than peak speed here
        command.add(mainClass);
        command.addAll(List.of(args));
        Path out = Files.createTempFile("hum-out", ".txt");
        Path err = Files.createTempFile("hum-err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(folder.toFile())
                .redirectOutput(stdout == null ? ProcessBuilder.Redirect.to(out.toFile()) : stdout)
                .redirectError(err.toFile())
                .redirectInput(
                        input ? ProcessBuilder.Redirect.PIPE : ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(env);
        return new HumProcess(builder.start(), out, err);
    }

    /** Writes a line to hum's stdin (started with {@link #startWithInput}). */
    void input(String line) throws IOException {
        process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().flush();
    }

    int waitForExit() throws InterruptedException {
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("hum did not exit; stderr: " + stderrText());
        }
        return process.exitValue();
    }

    String stdoutText() {
        return read(stdout);
    }

    String stderrText() {
        return read(stderr);
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
