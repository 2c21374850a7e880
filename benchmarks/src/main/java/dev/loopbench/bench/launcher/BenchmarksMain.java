package dev.loopbench.bench.launcher;

import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.support.LoopFactory;
import dev.loopbench.bench.profiler.HdrHistogramProfiler;
import dev.loopbench.bench.rounds.PowerRun;
import dev.loopbench.bench.rounds.RoundsLauncher;
import dev.loopbench.bench.rounds.RoundsOptions;
import dev.loopbench.bench.rounds.Variant;
import dev.loopbench.bench.rounds.VariantLister;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.tools.results.LoopOptionsParam;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The jar's main class: picks a {@link RunProfile}, fills in what JMH's annotations cannot know, and hands every
 * argument to {@code org.openjdk.jmh.Main}, so JMH's own options ({@code -l}, {@code -p}, {@code -f},
 * {@code -prof}, {@code -rf json}...) work as usual and override the profile's.
 *
 * <pre>
 * java -jar benchmarks.jar [--profile NAME] [--print-jmh-args] [JMH options] [benchmark regexps]
 * java -jar benchmarks.jar --interleave | --rounds N | --ab BASE.jar --out DIR  [...the same]
 * java -jar benchmarks.jar --tune IMPL [--rates 1000,10000,100000] [--budget 15m] -rf json -rff FILE
 * java -jar benchmarks.jar --profile gate --power DIR [--runs 10] [--slowdowns taskNanos=50,...] [--budget 20m]
 * </pre>
 *
 * <ul>
 *   <li>{@code --profile} names a {@link RunProfile}; without it, {@link RunProfile#DEFAULT} runs; listing options ({@code -l}, {@code -lp}, {@code -h},
 *       {@code -lprof}, {@code -lrf}) alone list everything, and with {@code --profile} list what it runs.</li>
 *   <li>Without {@code -p impl=...}, {@code impl} becomes every implementation in {@link EventLoopRegistry}, or,
 *       when loop options are given ({@code -p loopOptions=idle=park,idle=spin}), every implementation whose
 *       options take every value given.</li>
 *   <li>{@code --tune IMPL [--rates R,R] [--budget 15m]} sweeps the loop's options ({@link TuningRun});
 *       {@code scripts/tune.sh} runs it and charts the result.</li>
 *   <li>{@code -prof dev.loopbench.bench.profiler.HdrHistogramProfiler} without {@code dir=} writes its histograms
 *       beside the {@code -rff} file: {@code results/x.json} gets {@code results/x-histograms/}.</li>
 *   <li>{@code --print-jmh-args} prints the resulting JMH command line and runs nothing.</li>
 * </ul>
 */
public final class BenchmarksMain {

    static final String PROFILE_OPTION = "--profile";
    static final String PRINT_OPTION = "--print-jmh-args";
    static final String HELP_OPTION = "--help";
    private static final String IMPL_PARAM = "impl";
    private static final int BAD_ARGUMENTS = 2;

    private BenchmarksMain() {
    }

    public static void main(String[] args) throws Exception {
        List<String> jmhArgs;
        boolean printOnly = Arrays.asList(args).contains(PRINT_OPTION);
        RoundsOptions rounds;
        Optional<PowerRun> power;
        List<Variant> variants = List.of();
        try {
            if (Arrays.asList(args).contains(HELP_OPTION)) {
                System.out.println(usage());
                return;
            }
            List<String> arguments = Arrays.asList(args);
            TuningRun.Parsed tuning = TuningRun.parse(arguments);
            if (tuning.run().isPresent()) {
                System.err.println("# " + tuning.run().get().plan());
                arguments = new ArrayList<>(tuning.run().get().jmhArguments());
                arguments.addAll(tuning.rest());
            }
            PowerRun.Parsed powerParsed = PowerRun.parse(arguments);
            power = powerParsed.run();
            RoundsOptions.Parsed parsed = RoundsOptions.parse(powerParsed.rest());
            rounds = parsed.options();
            jmhArgs = resolve(parsed.rest());
            if ((rounds.active() || power.isPresent()) && !printOnly) {
                variants = VariantLister.list(jmhArgs);
            }
        } catch (IllegalArgumentException e) {
            System.err.println("benchmarks: " + e.getMessage());
            System.err.println(usage());
            System.exit(BAD_ARGUMENTS);
            return;
        }
        if ((rounds.active() || power.isPresent()) && !printOnly) {
            JmhArguments resolved = JmhArguments.parse(jmhArgs);
            int exitCode;
            try {
                exitCode = power.isPresent()
                        ? power.get().run(rounds, variants, sharedByEveryFork(resolved), System.out)
                        : RoundsLauncher.run(rounds, variants, sharedByEveryFork(resolved), forks(resolved),
                                resolved.value("rff"), System.out);
            } catch (IllegalArgumentException e) {
                System.err.println("benchmarks: " + e.getMessage());
                exitCode = BAD_ARGUMENTS;
            }
            System.exit(exitCode);
            return;
        }
        if (printOnly) {
            System.out.println(String.join(" ", jmhArgs.stream().map(BenchmarksMain::quoted).toList()));
            return;
        }
        if (!JmhArguments.parse(jmhArgs).onlyLists()) {
            // the first line of the log says exactly what ran
            System.err.println("# JMH arguments: " + String.join(" ", jmhArgs.stream().map(BenchmarksMain::quoted).toList()));
        }
        org.openjdk.jmh.Main.main(jmhArgs.toArray(new String[0]));
    }

    /**
     * What every fork of an interleaved run shares: the resolved arguments without what selects the variant, the
     * fork count, the result file and this suite's histogram profiler, which the run sets per fork and side.
     */
    static List<String> sharedByEveryFork(JmhArguments resolved) {
        Set<String> perFork = Set.of(JmhArguments.PARAM, "f", "rf", "rff", "o", "bm", "e");
        String profiler = HdrHistogramProfiler.class.getName();
        return resolved.withoutSelectionAnd(option -> perFork.contains(option.name())
                || option.name().equals(JmhArguments.PROFILER) && option.key().equals(profiler)).toList();
    }

    private static int forks(JmhArguments resolved) {
        return resolved.value("f").map(Integer::parseInt).orElse(BenchmarkDefaults.FORKS);
    }

    /** The arguments for {@code org.openjdk.jmh.Main}, from the launcher's own. */
    static List<String> resolve(List<String> args) {
        RunProfile profile = null;
        List<String> rest = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals(PROFILE_OPTION)) {
                if (i + 1 == args.size()) {
                    throw new IllegalArgumentException(PROFILE_OPTION + " needs a value: one of " + RunProfile.aliases());
                }
                profile = RunProfile.forAlias(args.get(++i));
            } else if (!arg.equals(PRINT_OPTION)) {
                rest.add(arg);
            }
        }
        JmhArguments user = JmhArguments.parse(rest);
        if (profile == null && user.onlyLists()) {
            return user.toList();
        }
        RunProfile chosen = profile == null ? RunProfile.DEFAULT : profile;
        JmhArguments merged = JmhArguments.parse(chosen.jmhArguments()).overriddenBy(user);
        return withHistogramsBesideResults(withImplementations(merged)).toList();
    }

    /**
     * Adds {@code -p impl=} unless given: every registered loop that can run here, or those whose options take every
     * value that {@code -p loopOptions=} gives (two loops may name an option alike with other values: {@code idle} of
     * {@code mpsc} and {@code agrona}). A loop that cannot run here (a native transport the kernel refuses) is
     * left out with one line saying why; asked for by name, it is an error that says why. Loop options are checked
     * here, once, rather than failing every fork: given the old way ({@code -p idle=park}), which JMH would ignore,
     * or refused by a loop asked for by name.
     */
    private static JmhArguments withImplementations(JmhArguments arguments) {
        List<Map<String, String>> settings = loopOptionSettings(arguments);
        if (arguments.paramNames().contains(IMPL_PARAM)) {
            for (String implementation : arguments.paramValues(IMPL_PARAM)) {
                EventLoopProvider provider = EventLoopRegistry.provider(implementation);
                provider.unavailableBecause().ifPresent(reason -> {
                    throw new IllegalArgumentException("-p impl=" + implementation + ": that loop is unavailable on "
                            + "this machine (" + reason + "); available: " + String.join(",", EventLoopRegistry.availableNames()));
                });
                settings.forEach(setting -> checkSetting(implementation, setting));
            }
            return arguments;
        }
        EventLoopRegistry.providers().forEach(provider -> provider.unavailableBecause().ifPresent(reason ->
                System.err.println("impl " + provider.name() + " left out: unavailable on this machine (" + reason + ")")));
        List<String> implementations = EventLoopRegistry.providers().stream()
                .filter(provider -> provider.unavailableBecause().isEmpty())
                .filter(provider -> settings.stream().allMatch(setting -> setting.entrySet().stream()
                        .allMatch(option -> LoopFactory.accepts(provider, option.getKey(), option.getValue()))))
                .map(EventLoopProvider::name)
                .collect(Collectors.toList());
        if (implementations.isEmpty()) {
            for (Map<String, String> setting : settings) {
                for (String implementation : EventLoopRegistry.availableNames()) {
                    if (setting.keySet().stream().anyMatch(key -> LoopFactory.implementationsWith(key).contains(implementation))) {
                        checkSetting(implementation, setting); // throws, saying what that loop would take
                    }
                }
            }
            throw new IllegalArgumentException("-p " + LoopOptionsParam.NAME + ": no loop has all of the options "
                    + settings.stream().flatMap(setting -> setting.keySet().stream()).collect(Collectors.toCollection(TreeSet::new))
                    + "; the options of each loop: java -jar benchmarks.jar --help");
        }
        return arguments.withOption(JmhArguments.PARAM, IMPL_PARAM + "=" + String.join(",", implementations));
    }

    /** The {@code -p loopOptions=} settings, after refusing loop options given any other way. */
    private static List<Map<String, String>> loopOptionSettings(JmhArguments arguments) {
        for (String param : arguments.paramNames()) {
            if (!param.equals(LoopOption.MAX_PENDING_TASKS) && !LoopFactory.implementationsWith(param).isEmpty()) {
                throw new IllegalArgumentException("-p " + param + "=...: a loop's options go in one parameter, e.g. -p "
                        + LoopOptionsParam.NAME + "='" + param + "=" + arguments.paramValues(param).get(0)
                        + "' (several settings separated by commas)");
            }
        }
        List<Map<String, String>> settings = arguments.paramValues(LoopOptionsParam.NAME).stream()
                .map(LoopOptionsParam::decode).toList();
        if (settings.stream().anyMatch(setting -> setting.containsKey(LoopOption.MAX_PENDING_TASKS))) {
            throw new IllegalArgumentException("-p " + LoopOptionsParam.NAME + ": every loop takes "
                    + LoopOption.MAX_PENDING_TASKS + " as a parameter of its own: -p " + LoopOption.MAX_PENDING_TASKS + "=N");
        }
        return settings;
    }

    private static void checkSetting(String implementation, Map<String, String> setting) {
        try {
            LoopFactory.check(implementation, setting);
        } catch (IllegalArgumentException refused) {
            throw new IllegalArgumentException("-p " + LoopOptionsParam.NAME + "=" + LoopOptionsParam.encode(setting)
                    + ": " + refused.getMessage(), refused);
        }
    }

    private static JmhArguments withHistogramsBesideResults(JmhArguments arguments) {
        String profiler = HdrHistogramProfiler.class.getName();
        return arguments.value("rff")
                .map(resultFile -> arguments.withValueReplaced(
                        option -> option.name().equals(JmhArguments.PROFILER) && option.value().equals(profiler),
                        profiler + ":" + HdrHistogramProfiler.DIR_OPTION + "=" + histogramDirectory(resultFile)))
                .orElse(arguments);
    }

    /** {@code results/x.json} to {@code results/x-histograms}, as docs/results-format.md names it. */
    static String histogramDirectory(String resultFile) {
        int slash = resultFile.lastIndexOf('/');
        int dot = resultFile.lastIndexOf('.');
        String stem = dot > slash + 1 ? resultFile.substring(0, dot) : resultFile;
        return stem + "-histograms";
    }

    private static String quoted(String arg) {
        return arg.isEmpty() || arg.matches(".*[\\s\"'\\\\$`*?\\[\\]{}()|&;<>^].*")
                ? "'" + arg.replace("'", "'\\''") + "'" : arg;
    }

    /** Each registered loop with what it is and the options that tune it, straight from the registry. */
    private static String registeredLoops() {
        StringBuilder text = new StringBuilder();
        for (EventLoopProvider provider : EventLoopRegistry.providers()) {
            text.append(String.format("      %-13s %s%s%n", provider.name(), provider.description(),
                    provider.unavailableBecause().map(reason -> " [unavailable here: " + reason + "]").orElse("")));
            for (LoopOption option : provider.options()) {
                if (option.name().equals(LoopOption.MAX_PENDING_TASKS)) {
                    continue;
                }
                text.append(String.format("      %-13s   %s%n", "", option));
            }
        }
        return text.toString();
    }

    static String usage() {
        StringBuilder text = new StringBuilder()
                .append("usage: java -jar benchmarks.jar [--profile NAME] [--print-jmh-args] [rounds options] [JMH options] [regexps]\n")
                .append("  --profile NAME     one of (default ").append(RunProfile.DEFAULT.alias()).append("):\n");
        for (RunProfile profile : RunProfile.values()) {
            text.append(String.format("      %-6s %s%n", profile.alias(), profile.summary()));
        }
        return text
                .append("  --print-jmh-args   print the JMH command line the profile and options make, run nothing\n")
                .append("  --interleave       run forks in rounds: each round one fork of every variant (benchmark,\n")
                .append("                     mode, params) in a fresh random order, as many rounds as -f; one JSON\n")
                .append("                     (-rff) with a fork per round, and the schedule in RUN.rounds.json\n")
                .append("  --rounds N         the same with N rounds\n")
                .append("  --ab BASE.jar --out DIR [--budget 20m] [--min-rounds 4] [--max-rounds 30]\n")
                .append("                     [--thresholds FILE] [--seed N] [--head-jvm-arg ARG]...\n")
                .append("                     A/B: this jar is the head; every round runs the base and head fork of\n")
                .append("                     each variant side by side, until every gated row is decided or the\n")
                .append("                     budget would be exceeded; writes DIR/base.json, DIR/head.json, rounds.json\n")
                .append("                     --head-jvm-arg: a JVM flag of the head's forks only, e.g. a slowdown\n")
                .append("  --power DIR [--runs 10] [--slowdowns taskNanos=50,taskNanos=10,wakeupNanos=1000]\n")
                .append("                     [--budget 20m] [--min-rounds 4] [--max-rounds 30] [--seed N]\n")
                .append("                     the gate's power here: A/B runs of this jar against itself, A/A and with\n")
                .append("                     each slowdown injected into the head's loops; runs already in DIR are\n")
                .append("                     kept; prints the false-alarm and detection rates (ToolsMain power DIR)\n")
                .append("  JMH options        as 'java -jar benchmarks.jar -h' lists them; they override the profile's\n")
                .append("  --tune IMPL [--rates 1000,10000,100000] [--budget 15m]\n")
                .append("                     one-way latency at each rate for every setting of the loop's options\n")
                .append("                     (its declared tuning values), one interleaved round; scripts/tune.sh\n")
                .append("                     runs it and charts latency against loop CPU\n")
                .append("  impl defaults to every registered loop (-p impl=NAME,...); -p loopOptions='KEY=VALUE;KEY=VALUE'\n")
                .append("  sets a loop's options (several settings separated by commas); every loop also takes\n")
                .append("  -p maxPendingTasks=N (" + LoopOption.maxPendingTasks().description() + "):\n")
                .append(registeredLoops())
                .append("  examples:\n")
                .append("    java -jar benchmarks.jar -l\n")
                .append("    java -jar benchmarks.jar --profile smoke -rf json -rff /tmp/smoke.json\n")
                .append("    java -jar benchmarks.jar WakeupLatency -p impl=mpsc -p loopOptions='idle=park,idle=spin-park,idle=spin'")
                .toString();
    }
}
