package dev.loopbench.tools.cli;

import java.util.concurrent.Callable;

/**
 * A subcommand of {@code ToolsMain}, parsed by picocli from the fields its class annotates. {@link #call} returns
 * the exit code rather than exiting, so that the command can be tested and composed; only {@code main} calls
 * {@code System.exit}.
 *
 * <p>{@code call} may throw {@link UsageException} when the arguments are wrong (the caller prints the message
 * and the usage), {@code ResultFileException} when an input file is missing or malformed, and
 * {@code IOException} when an output cannot be written; each is bad input, exit code {@link #BAD_INPUT}.
 */
public interface Command extends Callable<Integer> {

    /** Nothing wrong: no regression, or the output was written. */
    int OK = 0;
    /** {@code compare} found something slower beyond the threshold with confidence. */
    int REGRESSION = 1;
    /** Bad input: a missing or malformed file, nothing to compare, or a wrong command line. */
    int BAD_INPUT = 2;
    /** {@code compare} could decide no gated metric: neither a pass nor a failure. */
    int INCONCLUSIVE = 3;

    /** The full help: synopsis, arguments, options and exit codes, as {@code --help} prints it. */
    String usage();
}
