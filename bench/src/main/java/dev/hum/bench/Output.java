package dev.hum.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Made-up child output of three shapes, as the bytes a pump would read. */
final class Output {
    private Output() {}

    private static final String ESC = "\u001b[";

    /** {@code seq}-style lines: a number and a newline, 7 bytes on average around 1,000,000. */
    static byte[] shortLines(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            b.append(i).append('\n');
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Plain log lines of about 200 bytes, as a verbose server or a stack trace prints. */
    static byte[] longLines(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append("2026-11-23T12:00:00.").append(100 + i % 900).append("Z INFO  [http-nio-8080-exec-")
                    .append(i % 16).append("] o.a.c.c.C.[Tomcat].[localhost].[/] request ").append(i)
                    .append(" GET /api/v1/projects/42/processes?expand=state,log&limit=200 completed 200 OK in ")
                    .append(i % 97).append(" ms\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Lines of a colourful dev server (vite, jest, eslint style): about ten SGR sequences in 60 visible chars. */
    static byte[] colourLines(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(ESC).append("2m12:00:").append(10 + i % 50).append(ESC).append("22m ")
                    .append(ESC).append("36m").append(ESC).append("1m[vite]").append(ESC).append("22m").append(ESC).append("39m ")
                    .append(ESC).append("32mhmr update ").append(ESC).append("39m")
                    .append(ESC).append("2m/src/components/App.tsx").append(ESC).append("22m ")
                    .append(ESC).append("33m(x").append(i % 9 + 1).append(')').append(ESC).append("39m ")
                    .append(ESC).append("38;5;208m\u2714 ").append(i).append(ESC).append("0m\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] shape(String shape, int minBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int lines = 4096;
        while (out.size() < minBytes) {
            byte[] part = switch (shape) {
                case "short" -> shortLines(lines);
                case "long" -> longLines(lines);
                case "colour" -> colourLines(lines);
                default -> throw new IllegalArgumentException("unknown shape: " + shape);
            };
            out.writeBytes(part);
            lines *= 2;
        }
        return out.toByteArray();
    }
}
