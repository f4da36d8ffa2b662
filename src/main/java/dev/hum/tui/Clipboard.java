package dev.hum.tui;

import static java.nio.charset.StandardCharsets.US_ASCII;

import dev.hum.process.HelperProgram;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * Puts copied lines on the clipboard: as an OSC 52 sequence, which the terminal (or tmux with {@code set-clipboard
 * on}, or the terminal at the far end of ssh) turns into a clipboard write, and through the desktop's clipboard
 * program when one is on PATH. The program runs on a thread of its own with a timeout: a hung X server never holds
 * up the screen.
 */
final class Clipboard {

    /*
     * OSC 52's limits, read off the sources (December 2026):
     * - hterm (ChromeOS) and its osc52.sh, which many scripts copy, send no sequence over 100,000 bytes
     *   (OSC_52_MAX_SEQUENCE).
     * - xterm ignores a control string longer than its maxStringParse resource: 20,000 bytes by default, 600,000
     *   when built with sixel or ReGIS graphics (DEF_STRINGS_MAX in main.h, since patch 385).
     * - tmux drops a sequence once its input buffer would pass 1 MiB (INPUT_BUF_LIMIT in input.c up to 3.5, the
     *   input-buffer-size option with the same default since 3.6).
     * hum keeps the whole sequence within hterm's 100,000 bytes, the figure most tools agree on: under tmux's limit
     * and a graphics-enabled xterm's. A longer selection goes whole to a clipboard program when there is one, and
     * is cut at whole lines for OSC 52 when there is none; the status line says so.
     */

    /** The longest OSC 52 sequence hum writes, in bytes (hterm's limit). */
    static final int OSC52_MAX_SEQUENCE = 100_000;

    private static final byte[] OSC52_START = "\u001b]52;c;".getBytes(US_ASCII);
    private static final byte BEL = 7;

    /** The most text whose sequence fits in {@link #OSC52_MAX_SEQUENCE}: base64 turns 3 bytes into 4. */
    static final int OSC52_MAX_TEXT = (OSC52_MAX_SEQUENCE - OSC52_START.length - 1) / 4 * 3;

    /** With a clipboard program there is no protocol limit; this one bounds the render thread's work and memory. */
    static final int PROGRAM_MAX_TEXT = 16 << 20;

    private static final Duration PROGRAM_TIMEOUT = Duration.ofSeconds(3);

    /** A clipboard program and how it is called. */
    record Program(String name, List<String> command) {}

    private final Map<String, String> environment;
    private final Duration timeout;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "hum-clipboard");
        t.setDaemon(true); // a clipboard program that hangs never keeps hum from exiting
        return t;
    });
    private Optional<Program> program = Optional.empty(); // worker thread only, after the first copy
    private boolean lookedUp;

    /** @param environment where to look for a display and for programs: the process's own, or a test's */
    Clipboard(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    static Clipboard ofThisProcess() {
        return new Clipboard(System.getenv(), PROGRAM_TIMEOUT);
    }

    /**
     * Copies the text that {@code read} gives for a capacity in bytes, on the worker: the selection is read there
     * (ten megabytes of scrollback take a tenth of a second), its OSC 52 sequence goes to {@code terminal} (false
     * when there is none), then to the clipboard program, and {@code later} gets the message for the status line,
     * after the sequence was handed over.
     */
    void copy(IntFunction<CopyMode.Copied> read, Predicate<byte[]> terminal, Consumer<String> later) {
        worker.execute(() -> later.accept(copyNow(read, terminal)));
    }

    private String copyNow(IntFunction<CopyMode.Copied> read, Predicate<byte[]> terminal) {
        Optional<Program> found = program();
        CopyMode.Copied copied = read.apply(found.isPresent() ? PROGRAM_MAX_TEXT : OSC52_MAX_TEXT);
        boolean fits = copied.text().length <= OSC52_MAX_TEXT;
        List<String> ways = new ArrayList<>();
        if (fits && terminal.test(osc52(copied.text()))) {
            ways.add("OSC 52");
        }
        String note = copied.cut()
                ? (fits ? " · cut at OSC 52's limit of 100,000 bytes (hterm's)" : " · cut at " + size(PROGRAM_MAX_TEXT))
                : (fits ? "" : " · too long for OSC 52 (100,000 bytes)");
        Optional<String> failure = found.flatMap(p -> run(p, copied.text()));
        if (found.isPresent() && failure.isEmpty()) {
            ways.add(found.get().name());
        }
        if (ways.isEmpty()) {
            return "nothing copied: " + failure.orElse("no terminal and no clipboard program");
        }
        return said(copied, ways, note) + failure.map(f -> " · " + f).orElse("");
    }

    /**
     * The OSC 52 sequence that puts {@code text} on the clipboard ({@code c}), ended by BEL, which every terminal
     * that knows OSC 52 takes.
     */
    static byte[] osc52(byte[] text) {
        byte[] base64 = Base64.getEncoder().encode(text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(OSC52_START.length + base64.length + 1);
        out.writeBytes(OSC52_START);
        out.writeBytes(base64);
        out.write(BEL);
        return out.toByteArray();
    }

    /**
     * The clipboard program for this session, if one is on PATH (looked up once, on the worker): wl-copy under Wayland, else xclip or xsel under X,
     * else pbcopy (macOS). Over ssh there is usually no display, and OSC 52 alone does the work.
     */
    Optional<Program> program() {
        if (!lookedUp) {
            program = find();
            lookedUp = true;
        }
        return program;
    }

    private Optional<Program> find() {
        List<Program> candidates = new ArrayList<>();
        if (set("WAYLAND_DISPLAY")) {
            candidates.add(new Program("wl-copy", List.of("wl-copy")));
        }
        if (set("DISPLAY")) {
            candidates.add(new Program("xclip", List.of("xclip", "-selection", "clipboard")));
            candidates.add(new Program("xsel", List.of("xsel", "--clipboard", "--input")));
        }
        candidates.add(new Program("pbcopy", List.of("pbcopy")));
        for (Program p : candidates) {
            Optional<String> path = onPath(p.command().get(0));
            if (path.isPresent()) {
                List<String> command = new ArrayList<>(p.command());
                command.set(0, path.get());
                return Optional.of(new Program(p.name(), List.copyOf(command)));
            }
        }
        return Optional.empty();
    }

    private boolean set(String variable) {
        String value = environment.get(variable);
        return value != null && !value.isEmpty();
    }

    private Optional<String> onPath(String name) {
        String path = environment.getOrDefault("PATH", "");
        for (String dir : path.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            File file = new File(dir, name);
            if (file.isFile() && file.canExecute()) {
                return Optional.of(file.getAbsolutePath());
            }
        }
        return Optional.empty();
    }

    /**
     * Runs the program with the text on its stdin; what went wrong, if anything. Its output goes nowhere: xclip and
     * wl-copy fork a child that serves the selection and keeps those streams open for as long as it lives.
     */
    private Optional<String> run(Program p, byte[] text) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(p.command())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD);
            builder.environment().clear();
            builder.environment().putAll(environment);
            process = HelperProgram.start(builder);
        } catch (IOException e) {
            return Optional.of(p.name() + " failed to start");
        }
        // The write may block on a program that does not read; killing it at the timeout ends the write too.
        Thread writer = new Thread(
                () -> {
                    try (OutputStream in = process.getOutputStream()) {
                        in.write(text);
                    } catch (IOException e) {
                        // the program ended or was killed: its exit says what happened
                    }
                },
                "hum-clipboard-write");
        writer.setDaemon(true);
        writer.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return Optional.of(p.name() + " timed out");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return Optional.of(p.name() + " interrupted");
        }
        int exit = process.exitValue();
        return exit == 0 ? Optional.empty() : Optional.of(p.name() + " failed (exit " + exit + ")");
    }

    private static String said(CopyMode.Copied copied, List<String> ways, String note) {
        String what = copied.cut() ? "the first " + lines(copied.lines()) : lines(copied.lines());
        return "copied " + what + " (" + size(copied.text().length) + ") to the clipboard: " + String.join(", ", ways)
                + note;
    }

    private static String lines(int count) {
        return String.format(Locale.ROOT, "%,d line%s", count, count == 1 ? "" : "s");
    }

    /** Bytes as a person reads them: 812 B, 1.4 KB, 2.3 MB (powers of 1000). */
    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f KB", bytes / 1000.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
    }
}
