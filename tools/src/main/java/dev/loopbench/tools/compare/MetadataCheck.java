package dev.loopbench.tools.compare;

import dev.loopbench.tools.results.Run;
import dev.loopbench.tools.results.RunMetadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Warns when two runs were made in different conditions: absolute times are tied to their JDK, flags and machine,
 * so a "slower" between two such runs may say more about the machine than about the code.
 */
final class MetadataCheck {

    private MetadataCheck() {
    }

    static List<String> warnings(Run baseRun, Run newRun) {
        List<String> warnings = new ArrayList<>(forkJvmWarnings(baseRun, newRun));
        warnings.addAll(metadataWarnings(baseRun, newRun));
        return warnings;
    }

    /** The forks' JVMs as JMH recorded them in each row: these are what ran, whatever the metadata says. */
    private static List<String> forkJvmWarnings(Run baseRun, Run newRun) {
        Set<String> base = forkJvms(baseRun);
        Set<String> next = forkJvms(newRun);
        if (base.isEmpty() || next.isEmpty() || base.equals(next)) {
            return List.of();
        }
        return List.of("the forks ran on different JVMs or flags (JMH's own record in the JSON): base "
                + String.join("; ", base) + ", new " + String.join("; ", next)
                + "; absolute figures may not be comparable");
    }

    private static Set<String> forkJvms(Run run) {
        Set<String> jvms = new TreeSet<>();
        run.results().forEach(result -> result.jvm().ifPresent(jvm -> jvms.add(jvm.toString())));
        return jvms;
    }

    private static List<String> metadataWarnings(Run baseRun, Run newRun) {
        Optional<RunMetadata> base = baseRun.metadata();
        Optional<RunMetadata> next = newRun.metadata();
        List<String> warnings = new ArrayList<>();
        if (base.isEmpty() || next.isEmpty()) {
            if (!forkJvms(baseRun).isEmpty() && !forkJvms(newRun).isEmpty()) {
                return List.of(); // the JSONs' own JVM records were checked; CPU and cores are the A/B runner's own
            }
            String missing = base.isEmpty() && next.isEmpty() ? "either run"
                    : base.isEmpty() ? "the base run (" + baseRun.source() + ")" : "the new run (" + newRun.source() + ")";
            warnings.add("no metadata (RUN.meta.json) for " + missing
                    + ": cannot check that both runs used the same JDK, JVM flags, CPU model and cores");
            return warnings;
        }
        compare("JDK", m -> m.jdkVendor() + " " + m.jdkVersion() + " (" + m.jvmName() + ")", base.get(), next.get(), warnings);
        compare("JVM flags", RunMetadata::jvmFlags, base.get(), next.get(), warnings);
        compare("CPU model", RunMetadata::cpuModel, base.get(), next.get(), warnings);
        compare("cores", RunMetadata::cores, base.get(), next.get(), warnings);
        return warnings;
    }

    private static void compare(String what, Function<RunMetadata, String> field, RunMetadata base, RunMetadata next,
                                List<String> warnings) {
        String baseValue = field.apply(base);
        String newValue = field.apply(next);
        if (!baseValue.equals(newValue)) {
            warnings.add("runs differ in " + what + ": base '" + baseValue + "', new '" + newValue
                    + "'; absolute figures may not be comparable");
        }
    }
}
