package dev.loopbench.bench.rounds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * How much the machine itself disturbed one fork, read from Linux's {@code /proc} before and after it: the share
 * of CPU time the hypervisor stole, the CPU that processes other than this driver and its forks used, and the
 * load average at the end.
 *
 * <p>Why: on a shared 2-vCPU machine a fork measured while a neighbour (or another of our own builds) runs is not
 * comparable with one measured on a quiet machine. Recording the interference per fork lets a report flag those
 * rounds instead of silently averaging them in.
 *
 * <p>Our own CPU is this JVM's time plus that of its waited-for children ({@code /proc/self/stat} fields 14–17):
 * each fork is a child {@code java -jar} process that waits for JMH's own forked JVM, so the whole tree is
 * counted once the child has been reaped, which is before the "after" reading.
 */
public final class MachineNoise {

    /** Steal above this share of the machine's CPU time marks a fork as measured under interference. */
    static final double HEAVY_STEAL_PERCENT = 10;
    /** Other processes using more than this many cores mark a fork as measured under interference. */
    static final double HEAVY_OTHER_CORES = 0.25;

    private static final Path STAT = Path.of("/proc/stat");
    private static final Path SELF_STAT = Path.of("/proc/self/stat");
    private static final Path LOADAVG = Path.of("/proc/loadavg");

    /** A reading of the counters, in clock ticks; absent where {@code /proc} cannot be read. */
    public record Snapshot(long total, long busy, long steal, long own) {
    }

    /**
     * The interference during one fork.
     *
     * @param stealPercent   share of all CPU time stolen by the hypervisor
     * @param otherCores     CPU used by processes outside this driver's tree, in cores
     * @param loadAverage    the one-minute load average at the end
     */
    public record Reading(double stealPercent, double otherCores, double loadAverage) {

        public boolean heavy() {
            return stealPercent > HEAVY_STEAL_PERCENT || otherCores > HEAVY_OTHER_CORES;
        }

        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "steal %.1f%%, other processes %.2f cores, load %.2f%s",
                    stealPercent, otherCores, loadAverage, heavy() ? " (HEAVY INTERFERENCE)" : "");
        }
    }

    private MachineNoise() {
    }

    public static Optional<Snapshot> snapshot() {
        try {
            String cpu = Files.readAllLines(STAT).get(0);
            long[] ticks = Arrays.stream(cpu.trim().split("\\s+")).skip(1).mapToLong(Long::parseLong).toArray();
            long total = Arrays.stream(ticks).sum();
            long idle = ticks[3] + ticks[4];
            long steal = ticks.length > 7 ? ticks[7] : 0;
            // the fields after the command, which is in parentheses and may itself contain spaces
            String self = Files.readString(SELF_STAT);
            String[] fields = self.substring(self.lastIndexOf(')') + 2).split(" ");
            long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                    + Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
            return Optional.of(new Snapshot(total, total - idle - steal, steal, own));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The interference between two snapshots; absent if either is. */
    public static Optional<Reading> between(Optional<Snapshot> before, Optional<Snapshot> after) {
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Snapshot start = before.get();
        Snapshot end = after.get();
        long total = end.total() - start.total();
        if (total <= 0) {
            return Optional.empty();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        double steal = 100.0 * (end.steal() - start.steal()) / total;
        long other = Math.max(0, (end.busy() - start.busy()) - (end.own() - start.own()));
        return Optional.of(new Reading(steal, cores * (double) other / total, loadAverage()));
    }

    private static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(LOADAVG).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
