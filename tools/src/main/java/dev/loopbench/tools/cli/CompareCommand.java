package dev.loopbench.tools.cli;

import dev.loopbench.tools.compare.ComparisonMarkdownRenderer;
import dev.loopbench.tools.compare.ComparisonTextRenderer;
import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.RunComparison;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunReader;
import dev.loopbench.tools.text.Numbers;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code compare BASE.json NEW.json [--threshold PCT] [--markdown FILE]}: is the new run slower? */
public final class CompareCommand implements Command {

    private static final String THRESHOLD = "--threshold";
    private static final String MARKDOWN = "--markdown";

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String description() {
        return "judge a new run against a base run: faster, slower, unchanged or inconclusive";
    }

    @Override
    public String usage() {
        return """
                usage: compare BASE.json NEW.json [--threshold PCT] [--markdown FILE]

                Compares two JMH result files row by row (benchmark, mode, params): the primary score and the
                hdr.* latency percentiles. Each change is judged from per-fork scores with a 95%% Welch t interval
                and called faster, slower, unchanged or inconclusive against the threshold.

                  BASE.json         the reference run, e.g. results/baseline.json
                  NEW.json          the run to judge
                  --threshold PCT   the smallest change that counts, in percent (default %s)
                  --markdown FILE   also write the comparison as markdown, e.g. for a pull-request comment

                RUN.meta.json beside each file is optional; runs made on a different JDK, flags, CPU or core
                count are compared with a warning.

                exit codes: 0 nothing slower beyond the threshold; 1 something is, with confidence;
                            2 bad input (missing or malformed file, nothing in common, wrong arguments)
                """.formatted(Numbers.plain(RunComparator.DEFAULT_THRESHOLD_PCT));
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, ResultFileException, IOException {
        Arguments arguments = Arguments.parse(args, List.of(THRESHOLD, MARKDOWN));
        if (arguments.help()) {
            out.print(usage());
            return OK;
        }
        List<String> files = arguments.positional(List.of("BASE.json", "NEW.json"));
        double threshold = threshold(arguments);
        Run base = RunReader.read(Path.of(files.get(0)));
        Run next = RunReader.read(Path.of(files.get(1)));

        RunComparison comparison = RunComparator.compare(base, next, threshold);
        if (comparison.comparisons().isEmpty()) {
            err.println("error: " + base.source() + " (" + base.results().size() + " rows) and " + next.source() + " ("
                    + next.results().size() + " rows) have no benchmark in common; rows match by benchmark, mode and "
                    + "params, so compare two runs of the same benchmarks");
            return BAD_INPUT;
        }
        out.print(ComparisonTextRenderer.render(comparison));
        if (arguments.option(MARKDOWN).isPresent()) {
            Files.writeString(Path.of(arguments.option(MARKDOWN).get()), ComparisonMarkdownRenderer.render(comparison));
        }
        return comparison.hasRegression() ? REGRESSION : OK;
    }

    private static double threshold(Arguments arguments) throws UsageException {
        String given = arguments.option(THRESHOLD).orElse(Numbers.plain(RunComparator.DEFAULT_THRESHOLD_PCT));
        String number = given.endsWith("%") ? given.substring(0, given.length() - 1) : given;
        try {
            double threshold = Double.parseDouble(number);
            if (threshold > 0 && threshold < 100) {
                return threshold;
            }
        } catch (NumberFormatException e) {
            // Reported below, with what would be right.
        }
        throw new UsageException(THRESHOLD + " must be a percentage above 0 and below 100, e.g. " + THRESHOLD + " 10; got '" + given + "'");
    }
}
