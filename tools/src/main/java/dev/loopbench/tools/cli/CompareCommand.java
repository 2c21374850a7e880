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
        description = "the gate: judge a new run against a base run, slower, faster, unchanged or undecided")
public final class CompareCommand extends ConsoleCommand {

    private static final String USAGE = """
                usage: compare BASE.json NEW.json [--paired] [--threshold PCT] [--thresholds FILE] [--max-looks N]
                               [--markdown FILE] [--schedule ROUNDS.json] [--simulate-slowdown PCT]

                Compares two JMH result files row by row (benchmark, mode, params). The primary score, hdr.p50 and
                hdr.p90 are gated; tail percentiles are reported. A fork's score is the median of its iterations.
                The method and its measured error rates: docs/statistics.md.

                  BASE.json          the reference run
                  NEW.json           the run to judge
                  --paired           fork i of every row in both files ran in round i of one A/B run
                                     (scripts/ab.sh): judge per-round ratios, which cancels the machine's drift;
                                     without it the runs are independent (Welch t on log fork scores)
                  --threshold PCT    the smallest change that counts, in percent (default %s)
                  --thresholds FILE  per-benchmark thresholds, e.g. benchmarks/gate-thresholds.properties
                                     ('default = 10', 'WakeupLatency = 15'); --threshold sets the default
                  --max-looks N      the looks a sequential A/B run may take (its rounds.json says); each is
                                     tested at 5%% / N so that the gate's false-alarm rate stays 5%% (default 1)
                  --markdown FILE    also write the verdict as markdown, for a pull-request comment or
                                     $GITHUB_STEP_SUMMARY: regressions first, the full table folded;
                                     '-' prints it instead of the text
                  --schedule FILE    the run's rounds.json: show the machine's noise per round, and flag
                                     rounds with heavy interference or a failed fork
                  --simulate-slowdown PCT
                                     make every gated metric of NEW worse by PCT before judging: to measure
                                     how large a change the gate catches on this machine (docs/statistics.md)

                exit codes: 0 nothing slower; 1 a gated metric is slower, or the new run is broken (a row
                            missing, NaN, zero or short of rounds); 2 bad input (missing, malformed or
                            non-JSON file, nothing in common, wrong arguments)
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

        RunComparison comparison = RunComparator.compare(base, next, settings);
        if (comparison.comparisons().isEmpty() && comparison.broken().size() == base.results().size()) {
            err.println("error: " + base.source() + " (" + base.results().size() + " rows) and " + next.source() + " ("
                    + next.results().size() + " rows) have no benchmark in common; rows match by benchmark, mode and "
                    + "params, so compare two runs of the same benchmarks");
            return BAD_INPUT;
        }
        Optional<RoundSchedule> schedule = scheduleFile != null
                ? Optional.of(RoundSchedule.read(Path.of(scheduleFile))) : Optional.empty();
        if (!markdown.replacesText()) {
            out.print(ComparisonTextRenderer.render(comparison, schedule));
        }
        if (markdown.requested()) {
            markdown.write(ComparisonMarkdownRenderer.render(comparison, schedule), out);
        }
        return comparison.gateFails() ? REGRESSION : OK;
    }
}
