package dev.loopbench.tools.cli;

import dev.loopbench.tools.compare.ComparisonMarkdownRenderer;
import dev.loopbench.tools.compare.ComparisonSettings;
import dev.loopbench.tools.compare.ComparisonTextRenderer;
import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.RunComparison;
import dev.loopbench.tools.compare.SimulatedSlowdown;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunReader;
import dev.loopbench.tools.text.Numbers;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;

/** {@code compare BASE.json NEW.json [options]}: the gate. Is the new run slower, or broken? */
@CommandLine.Command(name = "compare",
        description = "the gate: judge a new run against a base run: PASS, FAIL or INCONCLUSIVE")
public final class CompareCommand extends ConsoleCommand {

    private static final String USAGE = """
                usage: compare BASE.json NEW.json [--paired] [--schedule ROUNDS.json] [--threshold PCT]
                               [--thresholds FILE] [--markdown FILE] [--simulate-slowdown PCT]

                Compares two JMH result files row by row (benchmark, mode, params). The gated metrics (the
                loop's own CPU and allocation per task, the awake round trip, the one-way latency from execute(),
                the round trip per mode) are judged against their thresholds; the primary score and the hdr
                percentiles are reported. A fork's score is the median of its iterations. The method, the gated
                set and its measured error rates: docs/statistics.md.

                  BASE.json          the reference run
                  NEW.json           the run to judge
                  --paired           both files come from one A/B run (scripts/ab.sh): judge per-round ratios,
                                     which cancels the machine's drift; without it the runs are independent
                                     (Welch t on log fork scores)
                  --schedule FILE    the run's rounds.json: pairs forks by the round they ran in (a fork that
                                     failed on one side drops that round's pair), spends the false-alarm rate
                                     the run's earlier looks left, and shows the machine's noise per round
                  --threshold PCT    the smallest change that counts, in percent (default %s)
                  --thresholds FILE  per-benchmark and per-metric thresholds ('default = 10',
                                     'WakeupLatency = 15', 'metric.alloc.loop.bytes.per.op = 2'); --threshold
                                     sets the default. Without either: the thresholds packaged in the jar
                                     these tools run from (benchmarks/gate-thresholds.properties of its build)
                  --markdown FILE    also write the verdict as markdown, for a pull-request comment or
                                     $GITHUB_STEP_SUMMARY: regressions first, the full table folded;
                                     '-' prints it instead of the text
                  --simulate-slowdown PCT
                                     make every gated metric of NEW worse by PCT before judging: how often the
                                     gate catches that scaling of its figures on this machine. It cannot show
                                     whether a real slowdown moves the figures that much: it scales outputs
                                     (docs/statistics.md); inject real work with ab.sh --head-jvm-arg for that

                exit codes: 0 PASS, nothing slower; 1 FAIL, a gated metric is slower or the new run is broken
                            (a row missing, NaN, zero, short of rounds, or a paced sender below 99%% of its
                            rate); 3 INCONCLUSIVE, no gated metric could be decided (the output says the
                            smallest change these runs could have resolved); 2 bad input (missing, malformed
                            or non-JSON file, nothing in common, wrong arguments)
                """.formatted(Numbers.plain(RunComparator.DEFAULT_THRESHOLD_PCT));

    private static final String SIMULATE = "--simulate-slowdown";

    @Parameters(index = "0", paramLabel = "BASE.json")
    private String baseFile;
    @Parameters(index = "1", paramLabel = "NEW.json")
    private String newFile;
    @Mixin
    private ComparisonOptions comparisonOptions;
    @Mixin
    private MarkdownOutput markdown;
    @Option(names = "--schedule", paramLabel = "FILE")
    private String scheduleFile;
    @Option(names = SIMULATE, paramLabel = "PCT")
    private String simulatePct;

    public CompareCommand(PrintStream out, PrintStream err) {
        super(out, err, USAGE);
    }

    @Override
    public Integer call() throws UsageException, ResultFileException, IOException {
        ComparisonSettings settings = comparisonOptions.settings();
        markdown.check();
        Run base = RunReader.read(Path.of(baseFile));
        Run next = RunReader.read(Path.of(newFile));
        if (simulatePct != null) {
            next = SimulatedSlowdown.of(next, ComparisonOptions.percent(simulatePct, SIMULATE, 10));
        }

        Optional<RoundSchedule> schedule = scheduleFile != null
                ? Optional.of(RoundSchedule.read(Path.of(scheduleFile))) : Optional.empty();
        RunComparison comparison;
        if (schedule.isPresent()) {
            try {
                comparison = RunComparator.compareRounds(base, next, settings, schedule.get(), baseFile, newFile);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--schedule " + scheduleFile + ": " + e.getMessage());
            }
        } else {
            comparison = RunComparator.compare(base, next, settings);
        }
        if (comparison.comparisons().isEmpty() && comparison.broken().size() == base.results().size()) {
            err.println("error: " + base.source() + " (" + base.results().size() + " rows) and " + next.source() + " ("
                    + next.results().size() + " rows) have no benchmark in common; rows match by benchmark, mode and "
                    + "params, so compare two runs of the same benchmarks");
            return BAD_INPUT;
        }
        if (!markdown.replacesText()) {
            out.print(ComparisonTextRenderer.render(comparison, schedule));
        }
        if (markdown.requested()) {
            markdown.write(ComparisonMarkdownRenderer.render(comparison, schedule), out);
        }
        return comparison.gateFails() ? REGRESSION : comparison.inconclusive() ? INCONCLUSIVE : OK;
    }
}
