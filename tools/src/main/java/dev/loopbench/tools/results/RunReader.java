package dev.loopbench.tools.results;

import java.nio.file.Path;

/** Reads a run from disk: the JMH results, and the metadata beside them if there is any. */
public final class RunReader {

    private RunReader() {
    }

    public static Run read(Path json) throws ResultFileException {
        return new Run(json.toString(), JmhResultReader.read(json), MetadataFile.readIfPresent(new RunFiles(json).metadata()));
    }
}
