package dev.hum.config;

/** A problem in the user's configuration, located at {@code file:line:column}. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * @param file the file as the user knows it (the path they gave, or relative to the working folder)
     * @param line 1-based line, or 0 when the problem concerns the whole file
     * @param column 1-based column, or 0 when unknown (Procfile and .env lines have none)
     * @param problem what was wrong or expected, without the location
     */
    public ConfigException(String file, int line, int column, String problem) {
        super(format(file, line, column, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.problem = problem;
    }

    static String format(String file, int line, int column, String problem) {
        var sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        return sb.append(": ").append(problem).toString();
    }

    /** The file as shown in the message. */
    public String file() {
        return file;
    }

    /** The 1-based line, or 0 when the problem concerns the whole file. */
    public int line() {
        return line;
    }

    /** The 1-based column, or 0 when unknown. */
    public int column() {
        return column;
    }

    /** The message without its {@code file:line:column: } prefix. */
    public String problem() {
        return problem;
    }
}
