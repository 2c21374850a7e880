package dev.loopbench.loop.registry;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.agrona.AgronaEventLoopProvider;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.jdk.ThreadPoolEventLoopProvider;
import dev.loopbench.loop.disruptor.DisruptorEventLoopProvider;
import dev.loopbench.loop.locked.LockedDequeEventLoopProvider;
import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import dev.loopbench.loop.netty.NettyEventLoopProvider;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The one list of event-loop implementations. The conformance suite, the benchmarks' {@code impl} parameter
 * and the CLI all read it, so a loop registered here is tested and measured without further edits.
 */
public final class EventLoopRegistry {

    private static final List<EventLoopProvider> PROVIDERS = List.of(
            new LockedDequeEventLoopProvider(),
            new MpscEventLoopProvider(),
            NettyEventLoopProvider.defaultEventLoop(),
            NettyEventLoopProvider.nioEventLoop(),
            NettyEventLoopProvider.epollEventLoop(),
            NettyEventLoopProvider.ioUringEventLoop(),
            new ThreadPoolEventLoopProvider(),
            new AgronaEventLoopProvider(),
            new DisruptorEventLoopProvider());

    private static final AtomicInteger LOOP_SEQUENCE = new AtomicInteger();

    private EventLoopRegistry() {
    }

    /** Every registered implementation's name, in registration order. */
    public static List<String> names() {
        return PROVIDERS.stream().map(EventLoopProvider::name).collect(Collectors.toUnmodifiableList());
    }

    /** The registered implementations that can run on this machine, in registration order. */
    public static List<String> availableNames() {
        return PROVIDERS.stream().filter(provider -> provider.unavailableBecause().isEmpty())
                .map(EventLoopProvider::name).collect(Collectors.toUnmodifiableList());
    }

    /** Every registered provider, in registration order. */
    public static List<EventLoopProvider> providers() {
        return PROVIDERS;
    }

    /**
     * The provider registered under {@code implementation}.
     *
     * @throws IllegalArgumentException naming every valid implementation, if there is none by that name
     */
    public static EventLoopProvider provider(String implementation) {
        Objects.requireNonNull(implementation, "implementation");
        for (EventLoopProvider provider : PROVIDERS) {
            if (provider.name().equals(implementation)) {
                return provider;
            }
        }
        throw new IllegalArgumentException("unknown event-loop implementation '" + implementation
                + "'; valid names are " + String.join(", ", names()));
    }

    /** Builds and starts a loop of {@code implementation} with default settings. */
    public static EventLoop create(String implementation) {
        return builder(implementation).build();
    }

    /** Starts describing a loop of {@code implementation}; fails at once if the name is unknown. */
    public static Builder builder(String implementation) {
        return builder(provider(implementation));
    }

    /** Starts describing a loop of a provider already resolved, e.g. with {@link #provider}. */
    public static Builder builder(EventLoopProvider provider) {
        return new Builder(Objects.requireNonNull(provider, "provider"));
    }

    /** Describes one loop to build. Options are checked against the implementation's {@link LoopOption}s. */
    public static final class Builder {

        private final EventLoopProvider provider;
        private final Map<String, String> options = new LinkedHashMap<>();
        private String name;
        private ThreadFactory threadFactory;
        private Thread.UncaughtExceptionHandler uncaughtExceptionHandler = LoggingUncaughtExceptionHandler.INSTANCE;

        private Builder(EventLoopProvider provider) {
            this.provider = provider;
        }

        /** The loop's name; defaults to the implementation's name and a sequence number. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Makes the loop's one thread; defaults to daemon threads named after the loop. */
        public Builder threadFactory(ThreadFactory threadFactory) {
            this.threadFactory = Objects.requireNonNull(threadFactory, "threadFactory");
            return this;
        }

        /** Receives throwables that escape tasks; defaults to logging them. */
        public Builder uncaughtExceptionHandler(Thread.UncaughtExceptionHandler handler) {
            this.uncaughtExceptionHandler = Objects.requireNonNull(handler, "uncaughtExceptionHandler");
            return this;
        }

        /**
         * Sets one option.
         *
         * @throws IllegalArgumentException naming the valid options or values, if the key or value is invalid
         */
        public Builder option(String key, String value) {
            Objects.requireNonNull(value, "value");
            LoopOption option = provider.options().stream()
                    .filter(candidate -> candidate.name().equals(key))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("'" + provider.name() + "' has no option '"
                            + key + "'; " + describeOptions(provider)));
            // checked here, before anything is built: a refused build has no side effect
            if (!option.accepts(value)) {
                throw new IllegalArgumentException("option '" + key + "' of '" + provider.name() + "' must be "
                        + option.validValues() + "; was '" + value + "'");
            }
            options.put(key, value);
            return this;
        }

        /** Sets every option in {@code values}, as {@link #option} does. */
        public Builder options(Map<String, String> values) {
            values.forEach(this::option);
            return this;
        }

        /** Builds and starts the loop. */
        public EventLoop build() {
            String loopName = name != null ? name : provider.name() + "-" + LOOP_SEQUENCE.incrementAndGet();
            Map<String, String> resolved = new LinkedHashMap<>();
            provider.options().forEach(option -> resolved.put(option.name(), option.defaultValue()));
            resolved.putAll(options);
            // an option given where it changes nothing would run the same loop under another name
            provider.options().stream().filter(option -> options.containsKey(option.name()))
                    .forEach(option -> option.onlyWhen().ifPresent(condition -> {
                        if (!condition.values().contains(resolved.get(condition.option()))) {
                            throw new IllegalArgumentException("option '" + option.name() + "' of '" + provider.name()
                                    + "' applies only with " + condition + "; was given with " + condition.option()
                                    + "=" + resolved.get(condition.option()));
                        }
                    }));
            ThreadFactory factory = threadFactory != null ? threadFactory : new NamedDaemonThreadFactory(loopName);
            return provider.create(new LoopSettings(provider.name(), loopName, factory, uncaughtExceptionHandler, resolved));
        }
    }

    private static String describeOptions(EventLoopProvider provider) {
        if (provider.options().isEmpty()) {
            return "it takes no options";
        }
        return "its options are " + provider.options().stream().map(LoopOption::toString)
                .collect(Collectors.joining(", "));
    }
}
