package dev.loopbench.tools.cli;

import dev.loopbench.tools.metadata.MetadataCollector;
import dev.loopbench.tools.metadata.MetadataFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/** {@code metadata --profile NAME --out FILE [--jmh-args ARGS]}: records the run's context from inside its JVM. */
public final class MetadataCommand implements Command {

    private static final String PROFILE = "--profile";
    private static final String JMH_ARGS = "--jmh-args";
    private static final String OUT = "--out";

    @Override
    public String name() {
        return "metadata";
    }

    @Override
    public String description() {
        return "write RUN.meta.json: JDK, JVM flags, CPU, cores, memory, OS, git commit and date of a run";
    }

    @Override
    public String usage() {
        return """
                usage: metadata --profile NAME --out FILE [--jmh-args ARGS]

                Writes the run's context as a flat JSON object of strings: profile, date, gitCommit, jdkVendor,
                jdkVersion, jvmName, jvmFlags, cpuModel, cores, memory, os, jmhArgs. Run it with the same java and
                JVM flags as the benchmarks: the JDK and flags recorded are those of the JVM running this command.

                  --profile NAME    the bench profile, e.g. quick
                  --out FILE        where to write, e.g. results/2026-11-22-quick.meta.json
                  --jmh-args ARGS   the arguments JMH is run with, as one string (default: empty)

                exit codes: 0 written; 2 wrong arguments or unwritable FILE
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, IOException {
        Arguments arguments = Arguments.parse(args, List.of(PROFILE, JMH_ARGS, OUT));
        if (arguments.help()) {
            out.print(usage());
            return OK;
        }
        arguments.positional(List.of());
        String profile = arguments.required(PROFILE, "quick");
        Path file = Path.of(arguments.required(OUT, "results/RUN.meta.json"));
        MetadataFile.write(file, new MetadataCollector(Clock.systemUTC()).collect(profile, arguments.option(JMH_ARGS).orElse("")));
        return OK;
    }
}
