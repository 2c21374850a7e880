package dev.loopbench.tools.cli;

import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code --markdown FILE}, shared by the commands that can write markdown ({@code compare}, {@code summary}) as a
 * picocli {@code @Mixin}: where the markdown goes, {@value #STANDARD_OUTPUT} for standard output instead of the
 * command's text, and the check that the file's folder exists, made before any work.
 */
final class MarkdownOutput {

    static final String OPTION = "--markdown";
    /** The file name that means standard output. */
    static final String STANDARD_OUTPUT = "-";

    @Option(names = OPTION, paramLabel = "FILE")
    private String file;

    boolean requested() {
        return file != null;
    }

    /** Whether the markdown replaces the command's text on standard output. */
    boolean replacesText() {
        return STANDARD_OUTPUT.equals(file);
    }

    /** Fails when the markdown would go into a folder that does not exist. */
    void check() throws UsageException {
        if (file == null || replacesText()) {
            return;
        }
        Path folder = Path.of(file).toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UsageException(OPTION + " " + file + ": the folder " + folder
                    + " does not exist; create it or name a file in an existing folder");
        }
    }

    /** Writes {@code markdown} where it was asked for; nothing when it was not. */
    void write(String markdown, PrintStream out) throws IOException {
        if (replacesText()) {
            out.print(markdown);
        } else if (file != null) {
            Files.writeString(Path.of(file), markdown);
        }
    }
}
