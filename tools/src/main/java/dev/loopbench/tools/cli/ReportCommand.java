package dev.loopbench.tools.cli;

import dev.loopbench.tools.report.ReportWriter;
import dev.loopbench.tools.results.ResultFileException;
import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunFiles;
import dev.loopbench.tools.results.RunReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code report RUN.json [--out DIR]}: markdown and PNG charts of one run. */
public final class ReportCommand implements Command {

    private static final String OUT = "--out";

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String description() {
        return "write a run's report: report.md with PNG charts";
    }

    @Override
    public String usage() {
        return """
                usage: report RUN.json [--out DIR]

                Writes DIR/report.md and the PNG charts it shows: each figure with the impls side by side and
                their error bars; the latency percentile distribution per impl, pooled from RUN-histograms/*.hlog;
                and every loop's ratio to its physical limit. Missing histograms or limits are skipped with a note.

                  RUN.json    a JMH result file; RUN.meta.json and RUN-histograms/ beside it are used if present
                  --out DIR   where to write (default: RUN-report/ beside RUN.json)

                exit codes: 0 written; 2 bad input (missing or malformed file, wrong arguments) or unwritable DIR
                """;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws UsageException, ResultFileException, IOException {
        Arguments arguments = Arguments.parse(args, List.of(OUT));
        if (arguments.help()) {
            out.print(usage());
            return OK;
        }
        RunFiles files = new RunFiles(Path.of(arguments.positional(List.of("RUN.json")).get(0)));
        Path outDir = arguments.option(OUT).map(Path::of).orElse(files.report());
        Run run = RunReader.read(files.json());
        if (run.results().isEmpty()) {
            err.println("error: " + files.json() + " holds no benchmark results; did the JMH run select any benchmark?");
            return BAD_INPUT;
        }
        out.println("report written to " + ReportWriter.write(run, files, outDir));
        return OK;
    }
}
