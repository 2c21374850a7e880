package dev.loopbench.loop;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A provider that is only data: the implementation's name, what it is, its options and its constructor. A loop
 * whose provider needs nothing more registers one of these (see {@code LockedDequeEventLoop.PROVIDER} and
 * {@code MpscEventLoopProvider.PROVIDER}) instead of a class of its own; the Netty and Agrona loops have provider
 * classes because they say when they cannot run here.
 */
public record SimpleEventLoopProvider(String name, String description, List<LoopOption> options,
                                      Function<LoopSettings, EventLoop> constructor) implements EventLoopProvider {

    public SimpleEventLoopProvider {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        options = List.copyOf(options);
        Objects.requireNonNull(constructor, "constructor");
    }

    @Override
    public EventLoop create(LoopSettings settings) {
        return constructor.apply(settings);
    }
}
