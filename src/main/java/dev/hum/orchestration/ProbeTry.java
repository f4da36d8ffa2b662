package dev.hum.orchestration;

import dev.hum.config.Readiness;
import dev.hum.process.Posix;
import dev.hum.process.Supervisor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * One try of a tcp, http or exec probe, completing with empty when it passed or with why it did not. Runs on the
 * orchestration's scheduler; waits are bounded by the try's timeout, and http and exec do not hold a thread.
 */
final class ProbeTry {

    private final ScheduledExecutorService scheduler;
    private final Supervisor supervisor;
    private volatile @Nullable HttpClient http;

    ProbeTry(ScheduledExecutorService scheduler, Supervisor supervisor) {
        this.scheduler = scheduler;
        this.supervisor = supervisor;
    }

    /** Tries {@code probe} for process {@code name} once, giving up after {@code limit}. */
    CompletableFuture<Optional<String>> attempt(String name, Readiness.Probe probe, Duration limit) {
        if (probe instanceof Readiness.Tcp tcp) {
            return CompletableFuture.completedFuture(tcp(tcp, limit));
        }
        if (probe instanceof Readiness.Http h) {
            return http(h, limit);
        }
        if (probe instanceof Readiness.Exec exec) {
            return exec(name, exec, limit);
        }
        throw new IllegalArgumentException("not tried here: " + probe);
    }

    private static Optional<String> tcp(Readiness.Tcp tcp, Duration limit) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(tcp.host(), tcp.port()), (int) Math.max(1, limit.toMillis()));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT));
        }
    }

    private CompletableFuture<Optional<String>> http(Readiness.Http h, Duration limit) {
        HttpClient client = client(limit);
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(h.url()))
                    .timeout(limit)
                    .GET()
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(Optional.of(String.valueOf(e.getMessage())));
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).handle((response, error) -> {
            if (error != null) {
                Throwable root = error.getCause() != null ? error.getCause() : error;
                return Optional.of(describe(root));
            }
            int code = response.statusCode();
            return code >= 200 && code < 400 ? Optional.<String>empty() : Optional.of("status " + code);
        });
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        return message == null ? e.getClass().getSimpleName() : message;
    }

    private HttpClient client(Duration limit) {
        HttpClient c = http;
        if (c == null) {
            synchronized (this) {
                c = http;
                if (c == null) {
                    c = HttpClient.newBuilder()
                            .connectTimeout(limit)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .executor(scheduler)
                            .build();
                    http = c;
                }
            }
        }
        return c;
    }

    private CompletableFuture<Optional<String>> exec(String name, Readiness.Exec exec, Duration limit) {
        Process process;
        try {
            process = supervisor.runBeside(name, exec.command());
        } catch (IOException e) {
            return CompletableFuture.completedFuture(Optional.of(String.valueOf(e.getMessage())));
        }
        long pgid = process.pid();
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        var timer = scheduler.schedule(
                () -> {
                    // The probe and anything it started go together: its group was its own from the start. Only
                    // while its leader lives: once Java has reaped it, the exit is on its way to this scheduler, and
                    // the group's number may already be another process's.
                    if (process.isAlive()) {
                        Posix.signalGroup(pgid, Posix.SIGKILL);
                        result.complete(Optional.of("did not finish within " + Durations.words(limit)));
                    }
                },
                limit.toMillis(),
                TimeUnit.MILLISECONDS);
        process.onExit()
                .thenAcceptAsync(
                        p -> {
                            timer.cancel(false);
                            int code = p.exitValue();
                            result.complete(code == 0 ? Optional.empty() : Optional.of("exited with code " + code));
                        },
                        scheduler);
        return result;
    }
}
