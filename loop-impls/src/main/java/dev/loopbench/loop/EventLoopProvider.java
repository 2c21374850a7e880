package dev.loopbench.loop;

import java.util.List;
import java.util.Optional;

/**
 * One implementation's entry in the {@code EventLoopRegistry}: its name, its options and how to build it.
 * A new implementation joins the library, its conformance suite, the benchmarks and the CLI by adding its
 * provider to the registry, and nothing else.
 */
public interface EventLoopProvider {

    /** The implementation's name, e.g. {@code mpsc}: the benchmarks' {@code impl} value. */
    String name();

    /** One line saying what the implementation is. */
    String description();

    /** The options the implementation accepts; empty when it has none. */
    List<LoopOption> options();

    /**
     * Why the implementation cannot run on this machine (a native transport the kernel refuses), or empty when it
     * can. {@link #create} of an unavailable implementation throws {@link IllegalStateException} with the reason.
     */
    default Optional<String> unavailableBecause() {
        return Optional.empty();
    }

    /** Builds and starts a loop. The settings hold a valid value for every option in {@link #options()}. */
    EventLoop create(LoopSettings settings);
}
