package dev.loopbench.tools;

import dev.loopbench.tools.cli.Command;
import dev.loopbench.tools.cli.CommandLines;
import dev.loopbench.tools.cli.CheckCommand;
import dev.loopbench.tools.cli.CompareCommand;
import dev.loopbench.tools.cli.MetadataCommand;
import dev.loopbench.tools.cli.PowerCommand;
import dev.loopbench.tools.cli.ReportCommand;
import dev.loopbench.tools.cli.SummaryCommand;
import dev.loopbench.tools.cli.TuneCommand;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The tools' single entry point: {@code ToolsMain <compare|report|summary|metadata|tune|power|check> [args]}, parsed with picocli.
 *
 * <p>Commands return their exit code; this is the only class that calls {@code System.exit}, so that every
 * command can be run and tested in-process through {@link #run}.
 */
@CommandLine.Command(name = "ToolsMain")
public final class ToolsMain implements Callable<Integer> {

    private final List<Command> commands;
    private final PrintStream err;

    @Option(names = {"-h", "--help"}, usageHelp = true)
    private boolean help;

    private ToolsMain(List<Command> commands, PrintStream err) {
        this.commands = commands;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command named by {@code args[0]} and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        List<Command> commands = List.of(new CompareCommand(out, err), new ReportCommand(out, err),
                new SummaryCommand(out, err), new MetadataCommand(out, err), new TuneCommand(out, err),
                new PowerCommand(out, err), new CheckCommand(out, err));
        ToolsMain main = new ToolsMain(commands, err);
        return CommandLines.execute(main, main::usage, commands, args, out, err);
    }

    /** Without a command: what the commands are, on the error stream, as bad input. */
    @Override
    public Integer call() {
        err.print(usage());
        return Command.BAD_INPUT;
    }

    private String usage() {
        StringBuilder usage = new StringBuilder("usage: ToolsMain <command> [args]   (ToolsMain <command> --help for more)\n\ncommands:\n");
        for (Command command : commands) {
            CommandLine.Command annotation = command.getClass().getAnnotation(CommandLine.Command.class);
            usage.append(String.format("  %-9s %s", annotation.name(), String.join(" ", annotation.description()))).append('\n');
        }
        return usage.toString();
    }
}
