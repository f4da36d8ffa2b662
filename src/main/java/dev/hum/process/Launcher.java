package dev.hum.process;

import dev.hum.config.Command;
import dev.hum.config.ProcessSpec;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts one run of a process as the leader of a new session, so that its whole tree can be
 * signalled through its process group.
 *
 * <p>Java cannot call setsid between fork and exec, so the command is prefixed with util-linux's
 * {@code setsid}, which calls setsid() and execs in place: the pid Java sees is the pid of the
 * command, its process group and its session.
 */
final class Launcher {

    /** setsid() follows exec within microseconds; this only bounds a stalled machine. */
    private static final long SESSION_WAIT_NANOS = 2_000_000_000L;

    private static final List<String> SETSID_PATHS = List.of("/usr/bin/setsid", "/bin/setsid");

    /** The package managers corepack provides once enabled. */
    private static final List<String> COREPACK_MANAGED = List.of("pnpm", "yarn");

    private final Map<String, String> baseEnvironment;
    private final SessionMark mark;
    private final LaunchGate gate = new LaunchGate();

    Launcher(Map<String, String> baseEnvironment, SessionMark mark) {
        this.baseEnvironment = Map.copyOf(baseEnvironment);
        this.mark = mark;
    }

    /**
     * Starts {@code command} (a readiness probe) in {@code spec}'s folder and environment, as the leader of a session
     * of its own, its output discarded and its input empty: the caller kills its group at the probe's timeout.
     */
    Process launchBeside(ProcessSpec spec, Command command) throws LaunchException {
        List<String> argv = new ArrayList<>(command.argv().size() + 1);
        argv.add(setsid());
        argv.addAll(command.argv());
        ProcessBuilder builder = new ProcessBuilder(argv).directory(spec.cwd().toFile());
        builder.environment().clear();
        builder.environment().putAll(environmentFor(spec));
        builder.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        try {
            Process process = Reaper.start(builder);
            awaitOwnSession(process);
            return process;
        } catch (IOException e) {
            throw new LaunchException("cannot start " + command.argv().get(0) + ": " + rootMessage(e));
        }
    }

    /** Where {@link #launch} waits while launches are held (see {@link LaunchGate}). */
    LaunchGate gate() {
        return gate;
    }

    /** Checks what can be checked up front, so that a failure reads as a reason, not an exit code. */
    Process launch(ProcessSpec spec, ChildPipes pipes) throws LaunchException {
        Path cwd = spec.cwd();
        if (!Files.isDirectory(cwd)) {
            throw new LaunchException("working folder does not exist: " + cwd);
        }
        Map<String, String> env = environmentFor(spec);
        List<String> argv = spec.command().argv();
        String program = argv.get(0);
        String path = env.getOrDefault("PATH", "");
        Path resolved = resolve(program, cwd, path)
                .orElseThrow(() -> new LaunchException("command not found: " + program
                        + (program.contains("/") ? "" : " (searched PATH)") + corepackHint(program, cwd, path)));
        if (!Files.isExecutable(resolved)) {
            throw new LaunchException("permission denied: " + resolved + " is not executable");
        }
        if (Files.isDirectory(resolved)) {
            throw new LaunchException("cannot run a folder: " + resolved);
        }

        List<String> command = new ArrayList<>(argv.size() + 1);
        command.add(setsid());
        command.addAll(argv);
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().clear();
        builder.environment().putAll(env);
        // stdin stays an open pipe that delivers only what is sent to it (the input line, send_input):
        // tools that read it wait as they would on an idle terminal, and watchers that exit on EOF
        // (esbuild --watch) keep running. The output pipes stay open while anything of the tree holds them.
        pipes.redirect(builder);
        Process process;
        try {
            process = Reaper.start(builder);
        } catch (IOException e) {
            throw new LaunchException("cannot start " + program + ": " + rootMessage(e));
        }
        awaitOwnSession(process);
        return process;
    }

    /**
     * Java returns once {@code setsid} was exec'd, a moment before it has called setsid(): until
     * then the child is still in hum's process group, and a stop signal sent to its group would find
     * no group at all. Waiting here makes "a RUNNING process leads its own group" always true.
     */
    private static void awaitOwnSession(Process process) {
        long pid = process.pid();
        long deadline = System.nanoTime() + SESSION_WAIT_NANOS;
        while (System.nanoTime() - deadline < 0) {
            Optional<ProcEntry> entry = ProcEntry.read(pid);
            if (entry.isEmpty() || entry.get().sid() == pid || entry.get().isZombie()) {
                return;
            }
            Thread.onSpinWait();
        }
    }

    Map<String, String> environmentFor(ProcessSpec spec) {
        Map<String, String> env = new java.util.LinkedHashMap<>(baseEnvironment);
        // Children write to a pipe, not a terminal; this keeps their colours, as the design (../shared/DESIGN.md)
        // promises.
        env.put("FORCE_COLOR", "1");
        env.putAll(spec.env());
        mark.applyTo(env, spec.name());
        return env;
    }

    private static Optional<Path> resolve(String program, Path cwd, String pathVariable) {
        if (program.contains("/")) {
            Path p = cwd.resolve(program);
            return Files.exists(p) ? Optional.of(p) : Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = cwd.resolve(dir).resolve(program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Node ships pnpm and yarn as corepack shims that are off until {@code corepack enable}: a project
     * that names pnpm in {@code packageManager} fails on such a machine although the fix is one command.
     */
    private static String corepackHint(String program, Path cwd, String pathVariable) {
        if (!COREPACK_MANAGED.contains(program)
                || resolve("corepack", cwd, pathVariable).isEmpty()) {
            return "";
        }
        return "; corepack is installed: run 'corepack enable' to get " + program;
    }

    private static String setsid() throws LaunchException {
        return setsidPath()
                .orElseThrow(() -> new LaunchException(
                        "setsid not found (install util-linux): hum needs it to give each process its own group"));
    }

    /** Where util-linux's {@code setsid} is, if it is installed. */
    static Optional<String> setsidPath() {
        for (String path : SETSID_PATHS) {
            if (Files.isExecutable(Path.of(path))) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
