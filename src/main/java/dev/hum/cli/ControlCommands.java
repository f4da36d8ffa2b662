package dev.hum.cli;

import dev.hum.control.Cancel;
import dev.hum.control.ControlClient;
import dev.hum.control.ControlException;
import dev.hum.control.LogEntry;
import dev.hum.control.LogPage;
import dev.hum.control.ProcessInfo;
import dev.hum.control.SocketPath;
import dev.hum.control.Until;
import dev.hum.control.WaitRequest;
import dev.hum.control.WaitResult;
import dev.hum.control.Wire;
import dev.hum.log.LogSearch;
import dev.hum.process.ActionResult;
import dev.hum.process.UsageText;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code hum ps|start|stop|restart|logs|wait}: drive the hum running for this folder (or one above) over its socket. */
final class ControlCommands {

    /*
     * One thread, the command's. Each verb is a few calls of ControlClient; `logs -f` reads on from its cursor
     * every FOLLOW_EVERY (the socket's logs call is cheap: no lock on the dashboard's side), `wait` blocks in
     * one call that the dashboard answers when the wait ends.
     */

    static final int DONE = 0;
    static final int FAILED = 1;
    static final int NO_HUM = 3;
    static final int TIMEOUT = 124;

    private static final Duration FOLLOW_EVERY = Duration.ofMillis(100);

    private ControlCommands() {}

    static int run(String[] args, PrintStream out, PrintStream err) {
        ControlArguments a;
        try {
            a = ControlArguments.parse(args);
        } catch (Arguments.UsageException e) {
            err.println("hum: " + e.getMessage());
            return Main.USAGE_ERROR;
        }
        Path here = Path.of("").toAbsolutePath();
        Optional<ControlClient> found = ControlClient.find(SocketPath.runtimeFolder(), here);
        if (found.isEmpty()) {
            err.println("hum " + a.verb() + ": no hum runs for " + here + " or a folder above it; start one there"
                    + " with 'hum' (the dashboard) or 'hum --headless NAME... &' (no terminal)");
            return NO_HUM;
        }
        try (ControlClient hum = found.get()) {
            return switch (a.verb()) {
                case "ps" -> ps(hum, a, out);
                case "logs" -> logs(hum, a, out, err);
                case "wait" -> waitFor(hum, a, out, err);
                default -> act(hum, a, out, err);
            };
        } catch (ControlException e) {
            err.println("hum " + a.verb() + ": " + e.getMessage());
            return e.getMessage() != null && e.getMessage().startsWith("no process named") ? Main.USAGE_ERROR : FAILED;
        }
    }

    private static int ps(ControlClient hum, ControlArguments a, PrintStream out) {
        List<ProcessInfo> all = hum.status(Optional.empty());
        if (a.json()) {
            all.forEach(p -> out.println(Wire.process(p)));
            return DONE;
        }
        int width = all.stream().mapToInt(p -> p.name().length()).max().orElse(4);
        out.println(pad("NAME", width) + "  " + pad("STATUS", 12) + "  " + pad("PID", 7) + "  "
                + pad("CPU", UsageText.WIDTH) + "  " + pad("MEM", UsageText.WIDTH) + "  " + pad("PORTS", 12)
                + "  COMMAND");
        for (ProcessInfo p : all) {
            String ports = p.ports().isEmpty()
                    ? "-"
                    : String.join(
                            ",", p.ports().stream().map(port -> ":" + port).toList());
            out.println(pad(p.name(), width) + "  " + pad(p.status(), 12) + "  "
                    + pad(p.pid() > 0 ? Long.toString(p.pid()) : "-", 7) + "  "
                    + pad(UsageText.cpu(p.cpuPercent()), UsageText.WIDTH) + "  "
                    + pad(UsageText.memory(p.rssBytes()), UsageText.WIDTH) + "  " + pad(ports, 12) + "  "
                    + p.command());
        }
        return DONE;
    }

    private static int act(ControlClient hum, ControlArguments a, PrintStream out, PrintStream err) {
        List<String> known =
                hum.status(Optional.empty()).stream().map(ProcessInfo::name).toList();
        for (String name : a.names()) {
            if (!known.contains(name)) {
                err.println(
                        "hum " + a.verb() + ": no process named '" + name + "'; known: " + String.join(", ", known));
                return Main.USAGE_ERROR;
            }
        }
        int worst = DONE;
        for (String name : a.names()) {
            ActionResult r =
                    switch (a.verb()) {
                        case "start" -> hum.run(name);
                        case "stop" -> hum.stop(name);
                        default -> hum.restart(name);
                    };
            if (a.json()) {
                out.println(Wire.action(r).put("name", name));
            } else {
                (r.ok() ? out : err).println(r.message());
            }
            worst = r.ok() ? worst : FAILED;
        }
        return worst;
    }

    private static int logs(ControlClient hum, ControlArguments a, PrintStream out, PrintStream err) {
        Optional<String> name = a.names().stream().findFirst();
        Optional<LogSearch> grep = a.grep().map(LogSearch::plain);
        long cursor;
        if (grep.isPresent() && !a.follow()) {
            hum.search(name, a.grep().get(), false, Math.min(a.lines(), 1000))
                    .found()
                    .forEach(e -> print(e, name.isEmpty(), a.json(), out));
            return DONE;
        }
        LogPage page = hum.logs(name, OptionalLong.empty(), Math.min(a.lines(), 1000));
        page.lines().stream()
                .filter(e -> grep.isEmpty() || grep.get().matches(e.text()))
                .forEach(e -> print(e, name.isEmpty(), a.json(), out));
        cursor = page.nextCursor();
        if (!a.follow()) {
            return DONE;
        }
        out.flush();
        for (; ; ) {
            try {
                Thread.sleep(FOLLOW_EVERY.toMillis());
                page = hum.logs(name, OptionalLong.of(cursor), 1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return DONE;
            } catch (ControlException e) {
                err.println("hum logs: the hum session has ended");
                return DONE;
            }
            if (page.missed() > 0) {
                err.println("hum logs: " + page.missed() + " lines left the scrollback before they were read");
            }
            page.lines().stream()
                    .filter(e -> grep.isEmpty() || grep.get().matches(e.text()))
                    .forEach(e -> print(e, name.isEmpty(), a.json(), out));
            out.flush();
            cursor = page.nextCursor();
        }
    }

    private static void print(LogEntry e, boolean withName, boolean json, PrintStream out) {
        if (json) {
            out.println(Wire.entry(e));
        } else {
            out.println(withName ? e.process() + " | " + e.text() : e.text());
        }
    }

    private static int waitFor(ControlClient hum, ControlArguments a, PrintStream out, PrintStream err) {
        WaitRequest request =
                new WaitRequest(a.names().get(0), a.until().orElseThrow(), a.timeout(), OptionalLong.empty());
        WaitResult r = hum.waitFor(request, Cancel.none());
        if (a.json()) {
            out.println(Wire.waitResult(r));
        } else if (r.met()) {
            out.println(r.line().map(LogEntry::text).orElse(r.message()));
        } else {
            err.println("hum wait: " + r.message());
            r.tail().forEach(e -> err.println((e.stream().equals("STDERR") ? "! " : "  ") + e.text()));
        }
        if (r.met()) {
            return r.process().status().startsWith("FAILED") && request.until() instanceof Until.Exit ? FAILED : DONE;
        }
        return r.outcome().equals(WaitResult.TIMEOUT) ? TIMEOUT : FAILED;
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
