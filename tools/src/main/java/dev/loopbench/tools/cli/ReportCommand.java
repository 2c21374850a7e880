package dev.loopbench.tools.cli;

import dev.loopbench.tools.report.ReportWriter;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunFiles;
import dev.loopbench.tools.results.RunReader;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/** {@code report RUN.json [--out DIR]}: markdown and PNG charts of one run. */
@CommandLine.Command(name = "report", description = "write a run's report: report.md with PNG charts")
public final class ReportCommand extends ConsoleCommand {

    private static final String USAGE = """
                usage: report RUN.json [--out DIR]

                Writes DIR/report.md and the PNG charts it shows: each figure with the impls side by side and
                their error bars; the latency percentile distribution per impl, pooled from RUN-histograms/*.hlog;
                and every loop's ratio to its physical limit. Missing histograms or limits are skipped with a note.

                  RUN.json    a JMH result file; RUN.meta.json and RUN-histograms/ beside it are used if present
                  --out DIR   where to write (default: RUN-report/ beside RUN.json)

                exit codes: 0 written; 2 bad input (missing or malformed file, wrong arguments) or unwritable DIR
                """;

    @Mixin
    private RunOutput runOutput;

    public ReportCommand(PrintStream out, PrintStream err) {
        super(out, err, USAGE);
    }

    @Override
    public Integer call() throws ResultFileException, IOException {
        RunFiles files = runOutput.files();
        Path directory = runOutput.directory(files.report());
        Run run = RunReader.read(files.json());
        if (run.results().isEmpty()) {
            err.println("error: " + files.json() + " holds no benchmark results; did the JMH run select any benchmark?");
            return BAD_INPUT;
        }
        out.println("report written to " + ReportWriter.write(run, files, directory));
        return OK;
    }
}
