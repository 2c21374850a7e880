package dev.loopbench.tools.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed command line: positional arguments, and options written {@code --name value} or {@code --name=value}.
 * An option's value may itself start with dashes ({@code --jmh-args "-f 3"}), since every option takes one.
 */
final class Arguments {

    private static final String HELP = "--help";

    private final List<String> positional;
    private final Map<String, String> options;
    private final boolean help;

    private Arguments(List<String> positional, Map<String, String> options, boolean help) {
        this.positional = List.copyOf(positional);
        this.options = Map.copyOf(options);
        this.help = help;
    }

    /** Parses {@code args}, accepting only the options named, each with a value, plus {@code --help}/{@code -h}. */
    static Arguments parse(List<String> args, List<String> optionNames) throws UsageException {
        return parse(args, optionNames, List.of());
    }

    /** The same, also accepting the flags named, which take no value; {@link #flag} tells whether one was given. */
    static Arguments parse(List<String> args, List<String> optionNames, List<String> flagNames) throws UsageException {
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (HELP.equals(arg) || "-h".equals(arg)) {
                help = true;
            } else if (flagNames.contains(arg)) {
                options.put(arg, "");
            } else if (arg.startsWith("--")) {
                int equals = arg.indexOf('=');
                String name = equals < 0 ? arg : arg.substring(0, equals);
                if (!optionNames.contains(name)) {
                    List<String> known = new ArrayList<>(optionNames);
                    known.addAll(flagNames);
                    throw new UsageException("unknown option " + name
                            + (known.isEmpty() ? "; this command takes none" : "; expected one of " + String.join(", ", known)));
                }
                if (equals < 0 && i + 1 == args.size()) {
                    throw new UsageException(name + " needs a value");
                }
                String value = equals < 0 ? args.get(++i) : arg.substring(equals + 1);
                if (options.put(name, value) != null) {
                    throw new UsageException(name + " is given more than once");
                }
            } else {
                positional.add(arg);
            }
        }
        return new Arguments(positional, options, help);
    }

    boolean help() {
        return help;
    }

    List<String> positional() {
        return positional;
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    String required(String name, String example) throws UsageException {
        return option(name).orElseThrow(() -> new UsageException("missing " + name + ", e.g. " + name + " " + example));
    }

    /** Exactly {@code names.size()} positional arguments, or a message naming the ones missing or extra. */
    List<String> positional(List<String> names) throws UsageException {
        if (positional.size() < names.size()) {
            throw new UsageException("missing " + String.join(" and ", names.subList(positional.size(), names.size())));
        }
        if (positional.size() > names.size()) {
            throw new UsageException("unexpected argument(s) " + String.join(" ", positional.subList(names.size(), positional.size()))
                    + "; expected only " + String.join(" ", names));
        }
        return positional;
    }
}
