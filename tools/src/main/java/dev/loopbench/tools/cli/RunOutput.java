package dev.loopbench.tools.cli;

import dev.loopbench.tools.results.RunFiles;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;

/**
 * {@code RUN.json [--out DIR]}, shared by the commands that write files about one run ({@code report},
 * {@code tune}) as a picocli {@code @Mixin}: the run's files, and the folder to write to, {@code --out} or the
 * command's own default beside {@code RUN.json}.
 */
final class RunOutput {

    @Parameters(index = "0", paramLabel = "RUN.json")
    private String runFile;
    @Option(names = "--out", paramLabel = "DIR")
    private String outDir;

    RunFiles files() {
        return new RunFiles(Path.of(runFile));
    }

    /** {@code --out DIR}, or {@code otherwise} when it was not given. */
    Path directory(Path otherwise) {
        return outDir == null ? otherwise : Path.of(outDir);
    }
}
