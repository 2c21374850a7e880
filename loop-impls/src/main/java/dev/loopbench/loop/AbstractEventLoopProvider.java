package dev.loopbench.loop;

import java.util.List;
import java.util.Objects;

/**
 * The base of every loop's provider, {@code <Loop>Provider} beside its loop: the implementation's name, what it is
 * and its options, fixed at construction; the subclass builds the loop ({@link #create}) and, where a loop cannot
 * run everywhere, says why ({@link #unavailableBecause()}).
 */
public abstract class AbstractEventLoopProvider implements EventLoopProvider {

    private final String name;
    private final String description;
    private final List<LoopOption> options;

    protected AbstractEventLoopProvider(String name, String description, List<LoopOption> options) {
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.options = List.copyOf(options);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<LoopOption> options() {
        return options;
    }
}
