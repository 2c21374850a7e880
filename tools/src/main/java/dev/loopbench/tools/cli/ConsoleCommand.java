package dev.loopbench.tools.cli;

import picocli.CommandLine.Option;

import java.io.PrintStream;

/** A command that writes to the streams it is given, and prints its {@link #usage()} for {@code -h} or {@code --help}. */
abstract class ConsoleCommand implements Command {

    /** Results. */
    protected final PrintStream out;
    /** Errors and warnings. */
    protected final PrintStream err;

    private final String usage;

    @Option(names = {"-h", "--help"}, usageHelp = true)
    private boolean help;

    ConsoleCommand(PrintStream out, PrintStream err, String usage) {
        this.out = out;
        this.err = err;
        this.usage = usage;
    }

    @Override
    public final String usage() {
        return usage;
    }
}
