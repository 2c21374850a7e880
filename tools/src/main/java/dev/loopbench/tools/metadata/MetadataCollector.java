package dev.loopbench.tools.metadata;

import dev.loopbench.tools.results.BenchmarkResult;
import dev.loopbench.tools.results.RunMetadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Gathers a run's {@link RunMetadata} from inside the JVM it describes.
 *
 * <p>Given the run's JSON, it records the JDK and flags of JMH's forks from it; otherwise it must run in a JVM
 * started like the benchmarks' for those fields to describe them.
 */
public final class MetadataCollector {

    private static final long GIT_TIMEOUT_SECONDS = 10;
    private static final long BYTES_PER_MIB = 1024 * 1024;

    private final Clock clock;

    public MetadataCollector(Clock clock) {
        this.clock = clock;
    }

    /**
     * The metadata of this machine, for a run of that profile made with those JMH arguments. The JDK and JVM
     * flags are the forks' as JMH recorded them in the run's JSON ({@code forkJvm}) when there is one: the forks
     * are what was measured, and they do not share this JVM's flags. Without it, this JVM's.
     */
    public RunMetadata collect(String profile, String jmhArgs, Optional<BenchmarkResult.ForkJvm> forkJvm) {
        return new RunMetadata(
                profile,
                clock.instant().truncatedTo(ChronoUnit.SECONDS).toString(),
                gitCommit(),
                System.getProperty("java.vendor", RunMetadata.UNKNOWN),
                forkJvm.map(BenchmarkResult.ForkJvm::jdkVersion).orElse(System.getProperty("java.version", RunMetadata.UNKNOWN)),
                forkJvm.map(BenchmarkResult.ForkJvm::vmName).orElse(System.getProperty("java.vm.name", RunMetadata.UNKNOWN)),
                forkJvm.map(jvm -> String.join(" ", jvm.jvmArgs()))
                        .orElse(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())),
                cpuModel(),
                Integer.toString(Runtime.getRuntime().availableProcessors()),
                physicalMemory(),
                System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
                jmhArgs);
    }

    /** {@code git rev-parse HEAD} in the working directory, or {@value RunMetadata#UNKNOWN} outside a repository. */
    private static String gitCommit() {
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD")
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String output = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            boolean exited = git.waitFor(GIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!exited) {
                git.destroyForcibly();
                return RunMetadata.UNKNOWN;
            }
            return git.exitValue() == 0 && !output.isEmpty() ? output : RunMetadata.UNKNOWN;
        } catch (IOException e) {
            return RunMetadata.UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return RunMetadata.UNKNOWN;
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse(RunMetadata.UNKNOWN);
        } catch (IOException | UncheckedIOException e) {
            return RunMetadata.UNKNOWN;
        }
    }

    private static String physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / BYTES_PER_MIB + " MiB";
        }
        return RunMetadata.UNKNOWN;
    }
}
