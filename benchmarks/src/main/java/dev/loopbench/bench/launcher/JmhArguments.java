package dev.loopbench.bench.launcher;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A JMH command line as options and benchmark regexps, so that a profile's arguments and the user's can be
 * merged before JMH sees them. JMH itself refuses most options given twice, so "the user's win" has to be done
 * here, per option:
 * <ul>
 *   <li>{@code -p key=values}: per key; the user's {@code -p impl=...} replaces the profile's, other keys stay.</li>
 *   <li>{@code -prof class[:options]}: per profiler class.</li>
 *   <li>{@code -e}, {@code -wmb}: both lists apply.</li>
 *   <li>{@code -jvmArgsAppend}, {@code -jvmArgsPrepend}: the user's flags are appended to the profile's.</li>
 *   <li>Any other option: the user's replaces the profile's.</li>
 *   <li>Benchmark regexps: the user's, if any, replace the profile's.</li>
 * </ul>
 * Immutable.
 */
final class JmhArguments {

    /** JMH options that take no value; all of them list or explain, and run nothing. */
    private static final Set<String> FLAGS = Set.of("l", "lp", "lrf", "lprof", "h");
    /** JMH options whose value is optional: it is the next token only if that is not an option itself. */
    private static final Set<String> OPTIONAL_VALUE = Set.of("f", "foe", "gc", "si", "v");
    /** JMH options whose occurrences add up. */
    private static final Set<String> ACCUMULATING = Set.of("e", "wmb");
    /**
     * JVM flag options, which JMH takes once: a user's value is joined to the profile's, so that it adds to the
     * profile's heap and GC flags rather than dropping them; where both set one flag, the user's comes last and
     * wins.
     */
    private static final Set<String> JOINED = Set.of("jvmArgsAppend", "jvmArgsPrepend");

    static final String PARAM = "p";
    static final String PROFILER = "prof";

    /** One option; {@code value} is null when it has none. */
    record Option(String name, String value) {

        /** The parameter name of a {@code -p key=values}, or the class of a {@code -prof class:options}. */
        String key() {
            if (value == null) {
                return "";
            }
            int end = value.indexOf(name.equals(PARAM) ? '=' : ':');
            return end < 0 ? value : value.substring(0, end);
        }
    }

    private final List<Option> options;
    private final List<String> includes;

    private JmhArguments(List<Option> options, List<String> includes) {
        this.options = List.copyOf(options);
        this.includes = List.copyOf(includes);
    }

    static JmhArguments parse(List<String> args) {
        List<Option> options = new ArrayList<>();
        List<String> includes = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String token = args.get(i);
            if (!token.startsWith("-") || token.length() == 1) {
                includes.add(token);
                continue;
            }
            String name = token.substring(1);
            boolean hasNext = i + 1 < args.size();
            if (FLAGS.contains(name)) {
                options.add(new Option(name, null));
            } else if (OPTIONAL_VALUE.contains(name)) {
                boolean valueFollows = hasNext && !args.get(i + 1).startsWith("-");
                options.add(new Option(name, valueFollows ? args.get(++i) : null));
            } else if (hasNext) {
                options.add(new Option(name, args.get(++i)));
            } else {
                throw new IllegalArgumentException("JMH option -" + name + " needs a value");
            }
        }
        return new JmhArguments(options, includes);
    }

    /** These arguments with {@code user}'s layered on top, by the rules in the class comment. */
    JmhArguments overriddenBy(JmhArguments user) {
        List<Option> merged = new ArrayList<>();
        for (Option option : options) {
            if (!user.overrides(option)) {
                merged.add(option);
            }
        }
        for (Option option : user.options) {
            Optional<String> profileFlags = JOINED.contains(option.name()) ? value(option.name()) : Optional.empty();
            merged.add(profileFlags.map(flags -> new Option(option.name(), flags + " " + option.value())).orElse(option));
        }
        return new JmhArguments(merged, user.includes.isEmpty() ? includes : user.includes);
    }

    private boolean overrides(Option profileOption) {
        String name = profileOption.name();
        if (ACCUMULATING.contains(name)) {
            return false;
        }
        if (name.equals(PARAM) || name.equals(PROFILER)) {
            return options.stream().anyMatch(mine -> mine.name().equals(name) && mine.key().equals(profileOption.key()));
        }
        return has(name);
    }

    boolean has(String name) {
        return options.stream().anyMatch(option -> option.name().equals(name));
    }

    /** Whether these arguments only list or explain (e.g. {@code -l}, {@code -h}) and run no benchmark. */
    boolean onlyLists() {
        return options.stream().anyMatch(option -> FLAGS.contains(option.name()));
    }

    Optional<String> value(String name) {
        return options.stream().filter(option -> option.name().equals(name) && option.value() != null)
                .map(Option::value).reduce((first, last) -> last);
    }

    /** The names of every parameter given with {@code -p}. */
    Set<String> paramNames() {
        Set<String> names = new LinkedHashSet<>();
        options.stream().filter(option -> option.name().equals(PARAM)).forEach(option -> names.add(option.key()));
        return names;
    }

    /** The values given to parameter {@code key} with {@code -p key=v1,v2}, in order; empty if it is not given. */
    List<String> paramValues(String key) {
        List<String> values = new ArrayList<>();
        options.stream().filter(option -> option.name().equals(PARAM) && option.key().equals(key))
                .forEach(option -> values.addAll(List.of(option.value().substring(key.length() + 1).split(","))));
        return values;
    }

    JmhArguments withOption(String name, String value) {
        List<Option> more = new ArrayList<>(options);
        more.add(new Option(name, value));
        return new JmhArguments(more, includes);
    }

    /** These arguments with every option that {@code matches} given {@code newValue} instead. */
    JmhArguments withValueReplaced(Predicate<Option> matches, String newValue) {
        List<Option> replaced = new ArrayList<>();
        for (Option option : options) {
            replaced.add(matches.test(option) ? new Option(option.name(), newValue) : option);
        }
        return new JmhArguments(replaced, includes);
    }

    /** These arguments without the options that {@code drop} matches, and without benchmark regexps. */
    JmhArguments withoutSelectionAnd(Predicate<Option> drop) {
        return new JmhArguments(options.stream().filter(drop.negate()).toList(), List.of());
    }

    /** The command line for {@code org.openjdk.jmh.Main}: options, then benchmark regexps. */
    List<String> toList() {
        List<String> args = new ArrayList<>();
        for (Option option : options) {
            args.add("-" + option.name());
            if (option.value() != null) {
                args.add(option.value());
            }
        }
        args.addAll(includes);
        return args;
    }
}
