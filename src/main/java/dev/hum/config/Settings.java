package dev.hum.config;

/** Dashboard-wide settings: lines kept per process, the frame-rate ceiling and the log files. */
public record Settings(int scrollback, int fps, LogFileSettings logs) {
    public static final int DEFAULT_SCROLLBACK = 100_000;
    public static final int DEFAULT_FPS = 30;
    // 10 million lines of ~100 bytes is already a gigabyte per process; more is a typo, not a wish.
    public static final int MAX_SCROLLBACK = 10_000_000;
    // Terminals cannot show more frames than this usefully; beyond it hum would only burn CPU.
    public static final int MAX_FPS = 240;

    public static final Settings DEFAULTS = new Settings(DEFAULT_SCROLLBACK, DEFAULT_FPS);

    /** Without log files. */
    public Settings(int scrollback, int fps) {
        this(scrollback, fps, LogFileSettings.NONE);
    }

    public Settings {
        if (scrollback < 1 || scrollback > MAX_SCROLLBACK) {
            throw new IllegalArgumentException("scrollback out of range: " + scrollback);
        }
        if (fps < 1 || fps > MAX_FPS) {
            throw new IllegalArgumentException("fps out of range: " + fps);
        }
    }
}
