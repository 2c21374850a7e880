package dev.loopbench.tools.cli;

import dev.loopbench.tools.report.TuningReport;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.RunFiles;
import dev.loopbench.tools.text.Numbers;
import dev.loopbench.tools.tune.ParetoFrontier;
import dev.loopbench.tools.tune.Recommendation;
import dev.loopbench.tools.tune.TuningPoint;
import dev.loopbench.tools.tune.TuningResults;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code tune RUN.json [--cpu-budget CORES] [--out DIR]}: a tuning run's frontier charts and recommendation. */
@CommandLine.Command(name = "tune",
        description = "chart a tuning run's latency against loop CPU, mark the Pareto frontier, recommend a setting")
public final class TuneCommand extends ConsoleCommand {

    static final double DEFAULT_CPU_BUDGET = 0.25;

    private static final String USAGE = """
                usage: tune RUN.json [--cpu-budget CORES] [--out DIR]

                Reads a tuning run (java -jar benchmarks.jar --tune IMPL; scripts/tune.sh runs both) and writes
                DIR/tune.md with a chart per offered rate: every setting's p50 and p99 one-way latency against the
                CPU its loop thread used, the Pareto frontier of each joined by a line. Prints each rate's p99
                frontier and the setting to choose: of those that kept up with every rate within the budget, the
                one whose p99 is closest to the best within budget at each rate.

                  RUN.json           the tuning run's JMH result file
                  --cpu-budget CORES the loop thread's CPU you allow, in cores, e.g. 0.05 or 1 (default 0.25)
                  --out DIR          where to write (default: RUN-tune/ beside RUN.json)

                exit codes: 0 written; 2 bad input (missing or malformed file, not a tuning run, wrong arguments)
                """;

    @Mixin
    private RunOutput runOutput;
    @Option(names = "--cpu-budget", paramLabel = "CORES")
    private double cpuBudget = DEFAULT_CPU_BUDGET;

    public TuneCommand(PrintStream out, PrintStream err) {
        super(out, err, USAGE);
    }

    @Override
    public Integer call() throws ResultFileException, IOException {
        if (!(cpuBudget > 0)) {
            err.println("error: --cpu-budget must be a positive number of cores, e.g. 0.25; was " + cpuBudget);
            return BAD_INPUT;
        }
        RunFiles files = runOutput.files();
        Path json = files.json();
        TuningResults results = TuningResults.from(json, JmhResultReader.read(json));
        results.pointsByRate().forEach((rate, points) -> printFrontier(rate, points));
        Recommendation recommendation = Recommendation.forBudget(results, cpuBudget);
        out.println();
        out.print(TuningReport.recommendationText(results, recommendation));
        Path directory = runOutput.directory(files.tuningReport());
        out.println("report written to " + TuningReport.write(results, recommendation, json.toString(), directory));
        return OK;
    }

    private void printFrontier(int rate, List<TuningPoint> points) {
        List<TuningPoint> frontier = ParetoFrontier.of(points, ParetoFrontier.P99);
        out.printf(Locale.ROOT, "%,d sends/s: %d of %d settings on the p99 frontier (cheapest first)%n",
                rate, frontier.size(), points.size());
        frontier.forEach(point -> out.printf(Locale.ROOT, "  %-50s loop CPU %-7s p50 %-8s p99 %s µs%n",
                point.setting().isEmpty() ? "(defaults)" : point.setting(), Numbers.score(point.loopCpu()),
                Numbers.score(point.p50Micros()), Numbers.score(point.p99Micros())));
        long behind = points.stream().filter(point -> !point.keptUp()).count();
        if (behind > 0) {
            out.printf(Locale.ROOT, "  (%d settings fell behind the rate and are not ranked)%n", behind);
        }
    }
}
