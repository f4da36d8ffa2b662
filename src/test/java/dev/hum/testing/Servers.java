package dev.hum.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A tiny real TCP server in Python for tests: binds 127.0.0.1 on a free port, says which, prints its URL. */
public final class Servers {

    /** Says {@code listening on port N}, then {@code   ➜  Local:   http://localhost:N/} as Vite does. */
    public static final String SCRIPT = String.join(
            "\n",
            "import socket, sys, time",
            "s = socket.socket()",
            "s.bind(('127.0.0.1', int(sys.argv[1]) if len(sys.argv) > 1 else 0))",
            "s.listen()",
            "port = s.getsockname()[1]",
            "print('listening on port %d' % port, flush=True)",
            "print('  \\u279c  Local:   http://localhost:%d/' % port, flush=True)",
            "time.sleep(300)",
            "");

    private Servers() {}

    /** Writes the script into {@code dir} and returns its path. */
    public static Path script(Path dir) {
        Path script = dir.resolve("server.py");
        try {
            Files.writeString(script, SCRIPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return script;
    }

    /** A server outside hum: the process, and the port it said it listens on. */
    public record Outside(Process process, int port) implements AutoCloseable {
        @Override
        public void close() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    public static Outside startOutside(Path dir) throws IOException {
        Process p = new ProcessBuilder("python3", script(dir).toString())
                .redirectErrorStream(true)
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith("listening on port ")) {
            p.destroyForcibly();
            throw new IOException("the server did not start: " + line);
        }
        return new Outside(p, Integer.parseInt(line.substring("listening on port ".length())));
    }
}
