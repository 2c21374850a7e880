package dev.loopbench.tools.results;

import java.nio.file.Path;

/**
 * A result file (JMH JSON or run metadata) that is missing, unreadable, or not what it should be.
 * The message names the file and says what was wrong, so that it can be shown to the user as it is.
 */
public final class ResultFileException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    public ResultFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public ResultFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    /** The file that was wrong. */
    public Path file() {
        return file;
    }
}
