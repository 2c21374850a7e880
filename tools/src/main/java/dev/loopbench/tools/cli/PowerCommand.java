package dev.loopbench.tools.cli;

import dev.loopbench.tools.compare.GatePower;
import dev.loopbench.tools.compare.PowerRuns;
import dev.loopbench.tools.compare.RunComparator;
import dev.loopbench.tools.compare.Thresholds;
import dev.loopbench.tools.results.ResultFileException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code power DIR [--markdown FILE]}: the gate's false-alarm and detection rates from a power run's A/B runs. */
@CommandLine.Command(name = "power",
        description = "the gate's false-alarm rate (A/A runs) and detection rates (runs with a slowdown injected)")
public final class PowerCommand extends ConsoleCommand {

    private static final String USAGE = """
                usage: power DIR [--markdown FILE]

                Judges every finished A/B run of a power measurement (java -jar benchmarks.jar --power DIR;
                scripts/power.sh runs it) as the gate judges it, and counts per scenario how many runs the gate
                called slower: for the A/A runs (folder aa) that is the false-alarm rate, for a head with a
                slowdown injected (folder taskNanos=50 and the like) the detection rate. Each gated metric is
                counted on its own too, so that a metric that no slowdown moves shows as such. Runs that did not
                finish are listed and left out. The method: docs/statistics.md.

                  DIR              the power run's directory: SCENARIO/run-K/ folders of A/B runs
                  --markdown FILE  also write the table as markdown; '-' prints it instead of the text

                exit codes: 0 written; 2 bad input (no such directory, no finished run, a malformed file)
                """;

    @Parameters(index = "0", paramLabel = "DIR")
    private String dir;
    @Mixin
    private MarkdownOutput markdown;

    public PowerCommand(PrintStream out, PrintStream err) {
        super(out, err, USAGE);
    }

    @Override
    public Integer call() throws UsageException, ResultFileException, IOException {
        markdown.check();
        PowerRuns runs = PowerRuns.read(Path.of(dir), Thresholds.packaged(RunComparator.DEFAULT_THRESHOLD_PCT)
                .orElse(Thresholds.uniform(RunComparator.DEFAULT_THRESHOLD_PCT)));
        GatePower power = runs.power();
        if (!markdown.replacesText()) {
            runs.skipped().forEach(line -> out.println("skipped " + line));
            out.print(power.table().toText());
        }
        if (markdown.requested()) {
            markdown.write(power.table().toMarkdown(), out);
        }
        return OK;
    }
}
