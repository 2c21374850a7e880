package dev.loopbench.tools.cli;

import dev.loopbench.tools.results.ResultFileException;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs the tools' commands with picocli: the help each command writes itself, and usage errors that say what was
 * wrong and what would be right, exit code {@link Command#BAD_INPUT}.
 */
public final class CommandLines {

    private static final String HELP_SECTION = "loopbench.usage";

    private CommandLines() {
    }

    /**
     * Parses {@code args} for {@code root} and its subcommands and runs the one named; returns its exit code.
     *
     * @param rootUsage the help of {@code root}, which lists the subcommands
     */
    public static int execute(Object root, Supplier<String> rootUsage, List<Command> commands, String[] args,
                              PrintStream out, PrintStream err) {
        CommandLine line = new CommandLine(root);
        useHelp(line, rootUsage);
        for (Command command : commands) {
            CommandLine sub = new CommandLine(command);
            useHelp(sub, command::usage);
            line.addSubcommand(sub);
        }
        // an argument is a path or a value as given: no @file expansion, which the hand-written parser never did
        line.setExpandAtFiles(false);
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        line.setParameterExceptionHandler((e, unused) -> {
            err.println("error: " + message(e, line));
            err.print(e.getCommandLine().getUsageMessage());
            return Command.BAD_INPUT;
        });
        line.setExecutionExceptionHandler((e, failed, unused) -> {
            if (e instanceof UsageException) {
                err.println("error: " + e.getMessage());
                err.print(failed.getUsageMessage());
            } else if (e instanceof ResultFileException) {
                err.println("error: " + e.getMessage());
            } else if (e instanceof IOException) {
                err.println("error: cannot write output: " + e);
            } else {
                throw e;
            }
            return Command.BAD_INPUT;
        });
        return line.execute(args);
    }

    /** The help is the command's own text, verbatim, rather than picocli's layout of the annotations. */
    private static void useHelp(CommandLine line, Supplier<String> usage) {
        line.getHelpSectionMap().put(HELP_SECTION, help -> usage.get());
        line.setHelpSectionKeys(List.of(HELP_SECTION));
    }

    /** What was wrong, in the words the tools have always used, and what would be right. */
    private static String message(ParameterException e, CommandLine root) {
        CommandLine line = e.getCommandLine();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && !unmatched.getUnmatched().isEmpty()) {
            List<String> arguments = unmatched.getUnmatched();
            if (line == root) {
                return "unknown command '" + arguments.get(0) + "'";
            }
            return arguments.stream().filter(argument -> argument.startsWith("-")).findFirst()
                    .map(option -> unknownOption(option, line))
                    .orElseGet(() -> "unexpected argument(s) " + String.join(" ", arguments) + expectedPositionals(line));
        }
        if (e instanceof CommandLine.MissingParameterException missing && !missing.getMissing().isEmpty()) {
            List<ArgSpec> specs = missing.getMissing();
            if (specs.get(0) instanceof OptionSpec option) {
                return option.longestName() + " needs a value";
            }
            // picocli names the first missing positional; the ones after it are missing too
            int first = ((PositionalParamSpec) specs.get(0)).index().min();
            return "missing " + line.getCommandSpec().positionalParameters().stream()
                    .filter(positional -> positional.index().min() >= first)
                    .map(ArgSpec::paramLabel).collect(Collectors.joining(" and "));
        }
        if (e instanceof CommandLine.OverwrittenOptionException overwritten
                && overwritten.getOverwritten() instanceof OptionSpec option) {
            return option.longestName() + " is given more than once";
        }
        return e.getMessage();
    }

    private static String unknownOption(String argument, CommandLine line) {
        String name = argument.contains("=") ? argument.substring(0, argument.indexOf('=')) : argument;
        List<String> known = line.getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp())
                .map(OptionSpec::longestName)
                .toList();
        return "unknown option " + name
                + (known.isEmpty() ? "; this command takes none" : "; expected one of " + String.join(", ", known));
    }

    private static String expectedPositionals(CommandLine line) {
        List<PositionalParamSpec> positionals = line.getCommandSpec().positionalParameters();
        return positionals.isEmpty() ? "; this command takes options only"
                : "; expected only " + positionals.stream().map(PositionalParamSpec::paramLabel).collect(Collectors.joining(" "));
    }
}
