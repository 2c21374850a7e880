package dev.loopbench.soak;

import dev.loopbench.loop.registry.EventLoopRegistry;

import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The soak's entry point ({@code scripts/soak.sh}): parses the command line, says which loops it soaks and which it
 * cannot run here, runs the {@link Soak}, and exits 0 when no invariant broke, 1 when one did, 2 on bad arguments.
 */
public final class SoakMain {

    private SoakMain() {
    }

    public static void main(String[] args) {
        Optional<SoakArguments> parsed;
        try {
            parsed = SoakArguments.parse(args);
        } catch (IllegalArgumentException bad) {
            System.err.println("error: " + bad.getMessage());
            System.err.println("run with --help for the options");
            System.exit(2);
            return;
        }
        if (parsed.isEmpty()) {
            System.out.println(SoakArguments.USAGE);
            return;
        }
        SoakArguments arguments = parsed.get();
        long seed = arguments.seed().orElseGet(() -> ThreadLocalRandom.current().nextLong());
        EventLoopRegistry.providers().forEach(provider -> provider.unavailableBecause().ifPresent(why ->
                System.out.println("not soaked, cannot run here: " + provider.name() + ": " + why)));
        if (!DescriptorLeakCheck.supported()) {
            System.out.println("file descriptors are not checked: this system has no /proc/self/fd");
        }
        System.out.printf("soak of %s for %d s, seed %d%n", arguments.providers().stream()
                .map(provider -> provider.name()).toList(), arguments.length().toSeconds(), seed);
        boolean clean = new Soak(arguments.providers(), arguments.length(), seed, System.out).run();
        // exit rather than return: a loop thread stuck for good must not keep the JVM alive
        System.exit(clean ? 0 : 1);
    }
}
