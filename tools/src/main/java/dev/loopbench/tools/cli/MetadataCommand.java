package dev.loopbench.tools.cli;

import dev.loopbench.tools.metadata.MetadataCollector;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.MetadataFile;
import dev.loopbench.tools.results.ResultFileException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** {@code metadata --profile NAME --out FILE [--jmh-args ARGS]}: records the run's context from inside its JVM. */
public final class MetadataCommand implements Command {

    private static final String PROFILE = "--profile";
    private static final String JMH_ARGS = "--jmh-args";
    private static final String OUT = "--out";
    private static final String RESULTS = "--results";

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
                usage: metadata --profile NAME --out FILE [--jmh-args ARGS] [--results RUN.json]

                Writes the run's context as a flat JSON object of strings: profile, date, gitCommit, jdkVendor,
                jdkVersion, jvmName, jvmFlags, cpuModel, cores, memory, os, jmhArgs. With --results, the JDK, VM
                and JVM flags are those JMH recorded for the run's forks; without, this JVM's.

                  --profile NAME    the bench profile, e.g. quick
                  --out FILE        where to write, e.g. results/2026-11-22-quick.meta.json
                  --jmh-args ARGS   the arguments JMH is run with, as one string (default: empty)
                  --results FILE    the run's JMH JSON, whose forks' JVM is recorded

                exit codes: 0 written; 2 wrong arguments or unwritable FILE
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err)
            throws UsageException, IOException, ResultFileException {
        Arguments arguments = Arguments.parse(args, List.of(PROFILE, JMH_ARGS, OUT, RESULTS));
        if (arguments.help()) {
            out.print(usage());
            return OK;
        }
        arguments.positional(List.of());
        String profile = arguments.required(PROFILE, "quick");
        Path file = Path.of(arguments.required(OUT, "results/RUN.meta.json"));
        Optional<BenchmarkResult.ForkJvm> forkJvm = Optional.empty();
        if (arguments.option(RESULTS).isPresent()) {
            forkJvm = JmhResultReader.read(Path.of(arguments.option(RESULTS).get())).stream()
                    .map(BenchmarkResult::jvm).flatMap(Optional::stream).findFirst();
        }
        MetadataFile.write(file, new MetadataCollector(Clock.systemUTC())
                .collect(profile, arguments.option(JMH_ARGS).orElse(""), forkJvm));
        return OK;
    }
}
