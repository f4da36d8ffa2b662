package dev.hum.cli;

import java.io.PrintStream;

/**
 * The way out when one of hum's own threads dies of an unexpected exception: restore the terminal,
 * say what happened, and exit, which runs the shutdown hook that stops every child's tree.
 */
final class CrashHandler {

    /** Exit status for an internal error (BSD's EX_SOFTWARE). */
    static final int INTERNAL_ERROR = 70;

    private CrashHandler() {}

    static void install(Runnable restoreTerminal, PrintStream err) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            restoreTerminal.run();
            err.println("hum: internal error in thread " + thread.getName() + ": " + e);
            e.printStackTrace(err);
            err.println("hum: stopping every process and exiting; please report this");
            err.flush();
            // exit, not halt: the shutdown hook stops the children before the JVM ends
            new Thread(() -> System.exit(INTERNAL_ERROR), "hum-crash-exit").start();
        });
    }
}
