package dev.loopbench.tools.cli;

import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.JmhResultReader;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.summary.RunSummarizer;
import dev.loopbench.tools.summary.SummaryTable;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code summary RUN.json}: the run's figures per implementation, the best marked, each against its limit. */
@CommandLine.Command(name = "summary",
        description = "print a run's figures per impl, the best marked, with each loop's ratio to its physical limit")
public final class SummaryCommand extends ConsoleCommand {

    private static final String USAGE = """
                usage: summary RUN.json

                Prints one line per figure (benchmark, params other than impl, metric) and impl: JMH's score and
                error, '*' on the best impl, and how many times worse than its physical limit in the same run the
                loop is (latency against SpinPingPongLimit, wakeup against ParkUnparkPingPongLimit, throughput
                against MpscQueueLimit). Without a limit in the run the ratio is left blank.

                  RUN.json   a JMH result file, e.g. results/2026-11-22-quick.json

                exit codes: 0 printed; 2 bad input (missing or malformed file, no results, wrong arguments)
                """;

    @Parameters(index = "0", paramLabel = "RUN.json")
    private String runFile;

    public SummaryCommand(PrintStream out, PrintStream err) {
        super(out, err, USAGE);
    }

    @Override
    public Integer call() throws ResultFileException {
        Path json = Path.of(runFile);
        List<BenchmarkResult> results = JmhResultReader.read(json);
        if (results.isEmpty()) {
            err.println("error: " + json + " holds no benchmark results; did the JMH run select any benchmark?");
            return BAD_INPUT;
        }
        out.print(SummaryTable.toText(RunSummarizer.summarize(results)));
        return OK;
    }
}
