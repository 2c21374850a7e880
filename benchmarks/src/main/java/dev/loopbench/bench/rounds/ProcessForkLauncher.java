package dev.loopbench.bench.rounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs each fork as {@code java -jar SIDE.jar JMH-ARGS} in a process of its own (with the side's own JVM flags, see
 * {@link Side#forkArgs}), with the JVM that runs this
 * driver. A process per fork is what lets one run interleave two different builds (A/B), and it gives a plain run
 * the same treatment, so that both kinds of run measure alike.
 *
 * <p>A fork that outlives its deadline is killed with its JMH child, and counts as failed: a hung benchmark must
 * fail the run, not stall it.
 */
public final class ProcessForkLauncher implements ForkLauncher {

    private final Path java;
    private final long timeoutSeconds;

    /** @param timeoutSeconds how long one fork may take, JVM starts included */
    public ProcessForkLauncher(long timeoutSeconds) {
        this.java = ProcessHandle.current().info().command().map(Path::of).orElse(Path.of("java"));
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public Outcome run(Side side, List<String> jmhArgs, Path forkJson) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", side.jar().toString()));
        command.addAll(side.forkArgs(jmhArgs));
        Process process;
        try {
            Files.deleteIfExists(forkJson);
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(side.log().toFile()))
                    .start();
        } catch (IOException e) {
            return new Outcome(TIMED_OUT, "could not start " + java + ": " + e.getMessage());
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
            return new Outcome(TIMED_OUT, "killed after " + timeoutSeconds + " s; see " + side.log());
        }
        int exit = process.exitValue();
        if (exit != 0) {
            return new Outcome(exit, "exit code " + exit + "; see " + side.log());
        }
        if (!Files.isRegularFile(forkJson)) {
            return new Outcome(exit, "wrote no JSON; see " + side.log());
        }
        return new Outcome(exit, "");
    }
}
