package dev.loopbench.tools;

import dev.loopbench.tools.cli.Command;
import dev.loopbench.tools.cli.CompareCommand;
import dev.loopbench.tools.cli.MetadataCommand;
import dev.loopbench.tools.cli.ReportCommand;
import dev.loopbench.tools.cli.SummaryCommand;
import dev.loopbench.tools.cli.UsageException;
import dev.loopbench.tools.results.ResultFileException;

import java.io.IOException;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The tools' single entry point: {@code ToolsMain <compare|report|summary|metadata> [args]}.
 *
 * <p>Commands return their exit code; this is the only class that calls {@code System.exit}, so that every
 * command can be run and tested in-process through {@link #run}.
 */
public final class ToolsMain {

    private static final List<Command> COMMANDS = List.of(
            new CompareCommand(), new ReportCommand(), new SummaryCommand(), new MetadataCommand());

    private ToolsMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command named by {@code args[0]} and returns the process exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(usage());
            return Command.BAD_INPUT;
        }
        if ("--help".equals(args[0]) || "-h".equals(args[0])) {
            out.print(usage());
            return Command.OK;
        }
        Optional<Command> command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst();
        if (command.isEmpty()) {
            err.println("error: unknown command '" + args[0] + "'");
            err.print(usage());
            return Command.BAD_INPUT;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            return command.get().run(rest, out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(command.get().usage());
        } catch (ResultFileException e) {
            err.println("error: " + e.getMessage());
        } catch (IOException e) {
            err.println("error: cannot write output: " + e);
        }
        return Command.BAD_INPUT;
    }

    private static String usage() {
        StringBuilder usage = new StringBuilder("usage: ToolsMain <command> [args]   (ToolsMain <command> --help for more)\n\ncommands:\n");
        COMMANDS.forEach(c -> usage.append(String.format("  %-9s %s", c.name(), c.description())).append('\n'));
        return usage.toString();
    }
}
