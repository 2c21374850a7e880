package dev.loopbench.tools.cli;

import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.RoundSchedule;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunFiles;
import dev.loopbench.tools.results.RunReader;
import dev.loopbench.tools.summary.HeadlineTable;
import dev.loopbench.tools.summary.RunSummarizer;
import dev.loopbench.tools.summary.SummaryTable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code summary RUN.json}: the run's figures per implementation, the best marked, each against its limit. */
@CommandLine.Command(name = "summary",
        description = "print a run's figures per impl, the best marked, with each loop's ratio to its physical limit")
public final class SummaryCommand extends ConsoleCommand {

    private static final String USAGE = """
                usage: summary RUN.json [--markdown FILE]

                Prints one line per figure (benchmark, params other than impl, metric) and impl: JMH's score and
                error, '*' on the best impl (only when its forks all beat every other impl's), and how many times
                worse than its physical limit in the same run the loop is, as PhysicalLimits pairs them (a
                spinning round trip against SpinPingPongLimit, a wakeup after a gap against UnparkAfterGapLimit, a
                burst against MpscQueueLimit): the geometric mean of the per-round ratios, each loop fork against
                the limit's fork of the same round (from RUN.rounds.json beside RUN.json, when there is one), with
                its 95% interval; below 1 it says the limit is no floor here. Without a limit in the run the ratio
                is left blank. The method: docs/statistics.md.

                  RUN.json          a JMH result file, e.g. results/2026-11-22-quick.json
                  --markdown FILE   also write the headline table of the run (results/README.md's) as markdown: the loops
                                    as columns (in the order RUN.meta.json's -p impl= names them), the best
                                    in bold; '-' prints it instead of the text, e.g.
                                    summary results/baseline.json --markdown -

                exit codes: 0 printed; 2 bad input (missing or malformed file, no results, wrong arguments)
                """;

    @Parameters(index = "0", paramLabel = "RUN.json")
    private String runFile;
    @Mixin
    private MarkdownOutput markdown;

    public SummaryCommand(PrintStream out, PrintStream err) {
        super(out, err, USAGE);
    }

    @Override
    public Integer call() throws UsageException, ResultFileException, IOException {
        markdown.check();
        Path json = Path.of(runFile);
        Run run = RunReader.read(json);
        if (run.results().isEmpty()) {
            err.println("error: " + json + " holds no benchmark results; did the JMH run select any benchmark?");
            return BAD_INPUT;
        }
        if (!markdown.replacesText()) {
            out.print(SummaryTable.toText(RunSummarizer.summarize(run.results(), RoundSchedule.ofRun(new RunFiles(json)))));
        }
        if (markdown.requested()) {
            markdown.write(HeadlineTable.toMarkdown(run), out);
        }
        return OK;
    }
}
