package dev.hum.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a short-lived program of hum's own (a clipboard program) as one of Java's children, in a session of its
 * own when util-linux's {@code setsid} is there.
 *
 * <p>Why a session: xclip, xsel and wl-copy fork a child that goes on serving the clipboard after they exit. That
 * child is handed to hum (a child subreaper) and, were it in hum's own session, the reaper would leave it alone
 * (Java's helpers live there) and it would stay a zombie from the moment it ends until hum exits: one per copy.
 * In a session of its own the reaper collects it. It is not stopped at quit: it holds what the person copied.
 */
public final class HelperProgram {

    private HelperProgram() {}

    /** Starts {@code builder}'s command, prefixed with {@code setsid} where there is one. */
    public static Process start(ProcessBuilder builder) throws IOException {
        Launcher.setsidPath().ifPresent(setsid -> {
            List<String> command = new ArrayList<>();
            command.add(setsid);
            command.addAll(builder.command());
            builder.command(command);
        });
        // Reaper.start: Java waits for this pid itself, the reaper never takes its exit code
        return Reaper.start(builder);
    }
}
