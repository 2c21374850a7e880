package dev.loopbench.bench.rounds;

import org.openjdk.jmh.annotations.Mode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One benchmark method in one mode with one value for each of its parameters: what a single fork of an
 * interleaved run measures, and what a row of JMH's JSON describes.
 *
 * @param benchmark the method's full name, as JMH's JSON spells it ({@code dev.loopbench.bench.x.Class.method})
 * @param mode      the benchmark mode
 * @param params    every parameter with exactly one value
 */
public record Variant(String benchmark, Mode mode, SortedMap<String, String> params) {

    public Variant {
        params = Collections.unmodifiableSortedMap(new TreeMap<>(params));
    }

    /** The JMH arguments that select exactly this variant and nothing else. */
    public List<String> jmhSelection() {
        List<String> args = new ArrayList<>(List.of("^" + Pattern.quote(benchmark) + "$", "-bm", mode.shortLabel()));
        for (Map.Entry<String, String> param : params.entrySet()) {
            args.add("-p");
            args.add(param.getKey() + "=" + param.getValue());
        }
        return args;
    }

    /** {@code Class.method mode k=v ...}, for progress lines. */
    public String label() {
        String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        StringBuilder label = new StringBuilder(method).append(' ').append(mode.shortLabel());
        params.forEach((name, value) -> label.append(' ').append(name).append('=').append(value));
        return label.toString();
    }
}
