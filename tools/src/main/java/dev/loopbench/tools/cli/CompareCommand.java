package dev.loopbench.tools.cli;

import dev.loopbench.tools.compare.ComparisonMarkdownRenderer;
import dev.loopbench.tools.compare.ComparisonSettings;
import dev.loopbench.tools.compare.ComparisonTextRenderer;
import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.RunComparison;
import dev.loopbench.tools.compare.SimulatedSlowdown;
import dev.loopbench.tools.compare.Thresholds;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunReader;
import dev.loopbench.tools.text.Numbers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** {@code compare BASE.json NEW.json [options]}: the gate. Is the new run slower, or broken? */
public final class CompareCommand implements Command {

    private static final String THRESHOLD = "--threshold";
    private static final String THRESHOLDS = "--thresholds";
    private static final String PAIRED = "--paired";
    private static final String MAX_LOOKS = "--max-looks";
    private static final String MARKDOWN = "--markdown";
    private static final String SIMULATE = "--simulate-slowdown";
    private static final String SCHEDULE = "--schedule";

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String description() {
        return "the gate: judge a new run against a base run, slower, faster, unchanged or undecided";
    }

    @Override
    public String usage() {
        return """
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
                                     $GITHUB_STEP_SUMMARY: regressions first, the full table folded
                  --schedule FILE    the run's rounds.json: show the machine's noise per round, and flag
                                     rounds with heavy interference or a failed fork
                  --simulate-slowdown PCT
                                     make every gated metric of NEW worse by PCT before judging: to measure
                                     how large a change the gate catches on this machine (docs/statistics.md)

                exit codes: 0 nothing slower; 1 a gated metric is slower, or the new run is broken (a row
                            missing, NaN, zero or short of rounds); 2 bad input (missing, malformed or
                            non-JSON file, nothing in common, wrong arguments)
                """.formatted(Numbers.plain(RunComparator.DEFAULT_THRESHOLD_PCT));
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, ResultFileException, IOException {
        Arguments arguments = Arguments.parse(args, List.of(THRESHOLD, THRESHOLDS, MAX_LOOKS, MARKDOWN, SIMULATE, SCHEDULE),
                List.of(PAIRED));
        if (arguments.help()) {
            out.print(usage());
            return OK;
        }
        List<String> files = arguments.positional(List.of("BASE.json", "NEW.json"));
        double threshold = percent(arguments, THRESHOLD, RunComparator.DEFAULT_THRESHOLD_PCT);
        Thresholds thresholds = arguments.option(THRESHOLDS).isPresent()
                ? Thresholds.read(Path.of(arguments.option(THRESHOLDS).get()), threshold)
                : Thresholds.uniform(threshold);
        ComparisonSettings settings = new ComparisonSettings(arguments.flag(PAIRED), thresholds,
                ComparisonSettings.DEFAULT_FAMILY_ALPHA, looks(arguments));
        Path markdown = arguments.option(MARKDOWN).map(Path::of).orElse(null);
        if (markdown != null && markdown.toAbsolutePath().getParent() != null
                && !Files.isDirectory(markdown.toAbsolutePath().getParent())) {
            throw new UsageException(MARKDOWN + " " + markdown + ": the folder " + markdown.toAbsolutePath().getParent()
                    + " does not exist; create it or name a file in an existing folder");
        }
        Run base = RunReader.read(Path.of(files.get(0)));
        Run next = RunReader.read(Path.of(files.get(1)));
        if (arguments.option(SIMULATE).isPresent()) {
            next = SimulatedSlowdown.of(next, percent(arguments, SIMULATE, 10));
        }

        RunComparison comparison = RunComparator.compare(base, next, settings);
        if (comparison.comparisons().isEmpty() && comparison.broken().size() == base.results().size()) {
            err.println("error: " + base.source() + " (" + base.results().size() + " rows) and " + next.source() + " ("
                    + next.results().size() + " rows) have no benchmark in common; rows match by benchmark, mode and "
                    + "params, so compare two runs of the same benchmarks");
            return BAD_INPUT;
        }
        Optional<RoundSchedule> schedule = arguments.option(SCHEDULE).isPresent()
                ? Optional.of(RoundSchedule.read(Path.of(arguments.option(SCHEDULE).get()))) : Optional.empty();
        out.print(ComparisonTextRenderer.render(comparison, schedule));
        if (markdown != null) {
            Files.writeString(markdown, ComparisonMarkdownRenderer.render(comparison, schedule));
        }
        return comparison.gateFails() ? REGRESSION : OK;
    }

    private static int looks(Arguments arguments) throws UsageException {
        String given = arguments.option(MAX_LOOKS).orElse("1");
        try {
            int looks = Integer.parseInt(given);
            if (looks >= 1 && looks <= 1000) {
                return looks;
            }
        } catch (NumberFormatException e) {
            // reported below, with what would be right
        }
        throw new UsageException(MAX_LOOKS + " takes a whole number from 1 to 1000, e.g. " + MAX_LOOKS + " 6; got '" + given + "'");
    }

    private static double percent(Arguments arguments, String option, double otherwise) throws UsageException {
        String given = arguments.option(option).orElse(Numbers.plain(otherwise));
        String number = given.endsWith("%") ? given.substring(0, given.length() - 1) : given;
        try {
            double percent = Double.parseDouble(number);
            if (percent > 0 && percent < 100) {
                return percent;
            }
        } catch (NumberFormatException e) {
            // reported below, with what would be right
        }
        throw new UsageException(option + " must be a percentage above 0 and below 100, e.g. " + option + " 10; got '" + given + "'");
    }
}
