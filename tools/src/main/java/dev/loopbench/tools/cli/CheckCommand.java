package dev.loopbench.tools.cli;

import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunCompleteness;
import dev.loopbench.tools.results.RunReader;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code check RUN.json [--benchmarks FILE] [--metrics B=M,M]... [--histograms DIR]}: is the run complete? */
@CommandLine.Command(name = "check", description = "check that a run holds every benchmark, metric and histogram expected")
public final class CheckCommand extends ConsoleCommand {

    /** Exit code: something expected is missing. */
    static final int INCOMPLETE = 1;

    private static final String USAGE = """
                usage: check RUN.json [--benchmarks FILE] [--metrics BENCHMARK=NAME,NAME]... [--histograms DIR]

                Checks that a run holds what it should, and lists everything it lacks.

                  RUN.json             a JMH result file
                  --benchmarks FILE    the benchmarks that must have a row, one per line, as
                                       'java -jar benchmarks.jar -l' lists them (other lines are ignored)
                  --metrics B=N,N      every row of benchmark B (Class.method or fully qualified) has the
                                       metrics N, e.g. OneWayLatency.fixedRate=hdr.p50,hdr.p99; repeatable
                  --histograms DIR     every row with hdr latency percentiles has its .hlog and .hgrm in DIR

                exit codes: 0 complete; 1 something is missing (each listed); 2 bad input (missing or
                            malformed file, wrong arguments)
                """;

    @Parameters(index = "0", paramLabel = "RUN.json")
    private String runFile;
    @Option(names = "--benchmarks", paramLabel = "FILE")
    private String benchmarksFile;
    @Option(names = "--metrics", paramLabel = "B=N,N")
    private List<String> metrics = new ArrayList<>();
    @Option(names = "--histograms", paramLabel = "DIR")
    private String histograms;

    public CheckCommand(PrintStream out, PrintStream err) {
        super(out, err, USAGE);
    }

    @Override
    public Integer call() throws UsageException, ResultFileException, IOException {
        Map<String, List<String>> metricsByBenchmark = new LinkedHashMap<>();
        for (String expected : metrics) {
            String[] benchmarkAndNames = expected.split("=", 2);
            if (benchmarkAndNames.length != 2 || benchmarkAndNames[0].isBlank() || benchmarkAndNames[1].isBlank()) {
                throw new UsageException("--metrics takes BENCHMARK=NAME,NAME, e.g. OneWayLatency.fixedRate=hdr.p50;"
                        + " got '" + expected + "'");
            }
            metricsByBenchmark.put(benchmarkAndNames[0], List.of(benchmarkAndNames[1].split(",")));
        }
        Run run = RunReader.read(Path.of(runFile));
        List<String> missing = new ArrayList<>();
        if (benchmarksFile != null) {
            Path listing = Path.of(benchmarksFile);
            if (!Files.isRegularFile(listing)) {
                throw new UsageException("--benchmarks " + benchmarksFile + ": no such file; expected the output of"
                        + " 'java -jar benchmarks.jar -l'");
            }
            List<String> expected = Files.readAllLines(listing).stream().map(String::strip)
                    .filter(line -> line.matches("[\\w$]+(\\.[\\w$]+)+")).toList();
            RunCompleteness.missingBenchmarks(run, expected).forEach(benchmark -> missing.add(benchmark + ": no row"));
        }
        missing.addAll(RunCompleteness.missingMetrics(run, metricsByBenchmark));
        if (histograms != null) {
            missing.addAll(RunCompleteness.missingHistograms(run, Path.of(histograms)));
        }
        if (missing.isEmpty()) {
            out.println(run.source() + ": complete, " + run.results().size() + " rows");
            return OK;
        }
        out.println(run.source() + ": incomplete, " + missing.size() + " thing(s) missing:");
        missing.forEach(line -> out.println("  " + line));
        return INCOMPLETE;
    }
}
