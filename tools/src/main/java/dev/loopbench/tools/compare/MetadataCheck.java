package dev.loopbench.tools.compare;

import dev.loopbench.tools.metadata.RunMetadata;
import dev.loopbench.tools.results.Run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Warns when two runs were made in different conditions: absolute times are tied to their JDK, flags and machine,
 * so a "slower" between two such runs may say more about the machine than about the code.
 */
final class MetadataCheck {

    private MetadataCheck() {
    }

    static List<String> warnings(Run baseRun, Run newRun) {
        Optional<RunMetadata> base = baseRun.metadata();
        Optional<RunMetadata> next = newRun.metadata();
        List<String> warnings = new ArrayList<>();
        if (base.isEmpty() || next.isEmpty()) {
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
