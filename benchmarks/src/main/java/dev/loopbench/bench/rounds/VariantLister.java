package dev.loopbench.bench.rounds;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Expands a JMH command line into the {@link Variant}s JMH would run for it, the way JMH itself does: the
 * benchmarks its include and exclude regexps select from this jar's {@code META-INF/BenchmarkList}, each in the
 * modes given with {@code -bm} (else its own), times every combination of its parameters' values (from
 * {@code -p}, else its {@code @Param} annotation).
 */
public final class VariantLister {

    private VariantLister() {
    }

    /** @throws IllegalArgumentException if JMH cannot parse the arguments or they select no benchmark */
    public static List<Variant> list(List<String> jmhArgs) {
        CommandLineOptions options;
        try {
            options = new CommandLineOptions(jmhArgs.toArray(new String[0]));
        } catch (CommandLineOptionException e) {
            throw new IllegalArgumentException("JMH cannot parse the arguments: " + e.getMessage(), e);
        }
        List<String> includes = options.getIncludes().isEmpty() ? List.of(".*") : options.getIncludes();
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream());
        Set<Variant> variants = new LinkedHashSet<>();
        for (BenchmarkListEntry entry : BenchmarkList.defaultList().find(
                OutputFormatFactory.createFormatInstance(discard, VerboseMode.SILENT), includes, options.getExcludes())) {
            Collection<Mode> modes = options.getBenchModes().isEmpty() ? List.of(entry.getMode()) : options.getBenchModes();
            for (Mode mode : modes) {
                for (Map<String, String> params : combinations(parameterValues(entry, options))) {
                    variants.add(new Variant(entry.getUsername(), mode, new TreeMap<>(params)));
                }
            }
        }
        if (variants.isEmpty()) {
            throw new IllegalArgumentException("the benchmark regexps " + includes + " match no benchmark in this jar;"
                    + " 'java -jar benchmarks.jar -l' lists them");
        }
        return List.copyOf(variants);
    }

    private static TreeMap<String, List<String>> parameterValues(BenchmarkListEntry entry, CommandLineOptions options) {
        TreeMap<String, List<String>> values = new TreeMap<>();
        if (entry.getParams().hasValue()) {
            for (Map.Entry<String, String[]> param : entry.getParams().get().entrySet()) {
                values.put(param.getKey(), options.getParameter(param.getKey()).hasValue()
                        ? List.copyOf(options.getParameter(param.getKey()).get())
                        : List.of(param.getValue()));
            }
        }
        return values;
    }

    private static List<Map<String, String>> combinations(TreeMap<String, List<String>> values) {
        List<Map<String, String>> combinations = new ArrayList<>();
        combinations.add(new TreeMap<>());
        for (Map.Entry<String, List<String>> param : values.entrySet()) {
            List<Map<String, String>> extended = new ArrayList<>();
            for (Map<String, String> partial : combinations) {
                for (String value : param.getValue()) {
                    Map<String, String> next = new TreeMap<>(partial);
                    next.put(param.getKey(), value);
                    extended.add(next);
                }
            }
            combinations = extended;
        }
        return combinations;
    }
}
