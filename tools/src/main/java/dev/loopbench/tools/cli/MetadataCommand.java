package dev.loopbench.tools.cli;

import dev.loopbench.tools.metadata.MetadataCollector;
import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.MetadataFile;
import dev.loopbench.tools.results.ResultFileException;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/** {@code metadata --profile NAME --out FILE [--jmh-args ARGS]}: records the run's context from inside its JVM. */
@CommandLine.Command(name = "metadata",
        description = "write RUN.meta.json: JDK, JVM flags, CPU, cores, memory, OS, git commit and date of a run")
public final class MetadataCommand extends ConsoleCommand {

    private static final String USAGE = """
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

    private static final String PROFILE = "--profile";
    private static final String OUT = "--out";

    @Option(names = PROFILE, paramLabel = "NAME")
    private String profile;
    @Option(names = OUT, paramLabel = "FILE")
    private String outFile;
    @Option(names = "--jmh-args", paramLabel = "ARGS")
    private String jmhArgs = "";
    @Option(names = "--results", paramLabel = "FILE")
    private String resultsFile;

    public MetadataCommand(PrintStream out, PrintStream err) {
        super(out, err, USAGE);
    }

    @Override
    public Integer call() throws UsageException, IOException, ResultFileException {
        String runProfile = required(profile, PROFILE, "quick");
        Path file = Path.of(required(outFile, OUT, "results/RUN.meta.json"));
        Optional<BenchmarkResult.ForkJvm> forkJvm = Optional.empty();
        if (resultsFile != null) {
            forkJvm = JmhResultReader.read(Path.of(resultsFile)).stream()
                    .map(BenchmarkResult::jvm).flatMap(Optional::stream).findFirst();
        }
        MetadataFile.write(file, new MetadataCollector(Clock.systemUTC()).collect(runProfile, jmhArgs, forkJvm));
        return OK;
    }

    private static String required(String value, String option, String example) throws UsageException {
        if (value == null) {
            throw new UsageException("missing " + option + ", e.g. " + option + " " + example);
        }
        return value;
    }
}
