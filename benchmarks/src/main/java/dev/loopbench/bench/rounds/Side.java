package dev.loopbench.bench.rounds;

import dev.loopbench.bench.support.BenchmarkDefaults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One build whose forks an interleaved run schedules, and the files its forks accumulate into. A plain run has
 * one side; an A/B run has {@code base} and {@code head}.
 *
 * @param name       {@code run}, {@code base} or {@code head}: the label in progress lines and the schedule
 * @param jar        the benchmarks jar that runs this side's forks
 * @param json       the side's JMH JSON, one fork per round appended to each row
 * @param log        JMH's output of every fork, appended
 * @param histograms where the side's HdrHistogram logs go
 * @param jvmArgs    JVM flags of this side's forks only, after those every fork shares (e.g. a slowdown of the head)
 */
public record Side(String name, Path jar, Path json, Path log, Path histograms, List<String> jvmArgs) {

    /** JMH's option for JVM flags after the {@code @Fork} annotation's, which it takes once, split at spaces. */
    static final String JVM_ARGS_APPEND = "-jvmArgsAppend";

    public Side {
        jvmArgs = List.copyOf(jvmArgs);
    }

    /** The files of a run named after its JSON, as {@code docs/results-format.md} names them. */
    public static Side named(String name, Path jar, Path json) {
        return named(name, jar, json, List.of());
    }

    /** As {@link #named(String, Path, Path)}, with JVM flags of this side's forks only. */
    public static Side named(String name, Path jar, Path json, List<String> jvmArgs) {
        String stem = json.toString().endsWith(".json")
                ? json.toString().substring(0, json.toString().length() - ".json".length()) : json.toString();
        return new Side(name, jar, json, Path.of(stem + ".log"), Path.of(stem + "-histograms"), jvmArgs);
    }

    /**
     * A fork's JMH command line with this side's JVM flags: appended to its {@code -jvmArgsAppend} value (JMH takes
     * that option once), or as that option where it has none. JMH appends the option's flags to those of
     * {@link BenchmarkDefaults}' {@code @Fork}, so every fork keeps the flags all forks share.
     */
    public List<String> forkArgs(List<String> jmhArgs) {
        if (jvmArgs.isEmpty()) {
            return jmhArgs;
        }
        List<String> args = new ArrayList<>(jmhArgs);
        String flags = String.join(" ", jvmArgs);
        int option = args.lastIndexOf(JVM_ARGS_APPEND);
        if (option >= 0 && option + 1 < args.size()) {
            args.set(option + 1, args.get(option + 1) + " " + flags);
        } else {
            args.addAll(List.of(JVM_ARGS_APPEND, flags));
        }
        return args;
    }
}
