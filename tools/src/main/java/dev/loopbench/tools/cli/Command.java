package dev.loopbench.tools.cli;

import dev.loopbench.tools.results.ResultFileException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

/**
 * A subcommand of {@code ToolsMain}. It returns its exit code rather than exiting, so that it can be tested and
 * composed; only {@code main} calls {@code System.exit}.
 */
public interface Command {

    /** Nothing wrong: no regression, or the output was written. */
    int OK = 0;
    /** {@code compare} found something slower beyond the threshold with confidence. */
    int REGRESSION = 1;
    /** Bad input: a missing or malformed file, nothing to compare, or a wrong command line. */
    int BAD_INPUT = 2;

    /** The word that selects the command, e.g. {@code compare}. */
    String name();

    /** One line saying what the command does. */
    String description();

    /** The full help: synopsis, arguments, options and exit codes. */
    String usage();

    /**
     * Runs the command.
     *
     * @throws UsageException      when the arguments are wrong; the caller prints the message and the usage
     * @throws ResultFileException when an input file is missing or malformed
     * @throws IOException         when an output cannot be written
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, ResultFileException, IOException;
}
