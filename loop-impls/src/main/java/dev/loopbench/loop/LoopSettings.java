package dev.loopbench.loop;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadFactory;

/**
 * Everything a provider needs to build one loop, already checked by the registry: every option of the
 * implementation has a value (given or default), and no unknown option is present.
 */
public final class LoopSettings {

    private final String implementation;
    private final String name;
    private final ThreadFactory threadFactory;
    private final Thread.UncaughtExceptionHandler uncaughtExceptionHandler;
    private final Map<String, String> options;

    /** For the registry, which builds every loop; an implementation only reads the settings it is given. */
    public LoopSettings(String implementation, String name, ThreadFactory threadFactory,
                 Thread.UncaughtExceptionHandler uncaughtExceptionHandler, Map<String, String> options) {
        this.implementation = implementation;
        this.name = name;
        this.threadFactory = threadFactory;
        this.uncaughtExceptionHandler = uncaughtExceptionHandler;
        this.options = Map.copyOf(options);
    }

    /** The loop's name, used for its thread and in every exception message it produces. */
    public String name() {
        return name;
    }

    public ThreadFactory threadFactory() {
        return threadFactory;
    }

    /** Receives every throwable that escapes a task given to {@link EventLoop#execute}. */
    public Thread.UncaughtExceptionHandler uncaughtExceptionHandler() {
        return uncaughtExceptionHandler;
    }

    /** Every option with its value, defaults included. */
    public Map<String, String> options() {
        return options;
    }

    public String option(String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("'" + implementation + "' has no option '" + key
                    + "'; its options are " + options.keySet());
        }
        return value;
    }

    /**
     * These settings with {@link LoopOption#MAX_PENDING_TASKS} at most {@code capacity}: for a loop on a bounded ring,
     * whose callers must be refused once it is full, whatever bound (none included) was asked for.
     */
    public LoopSettings withMaxPendingTasksAtMost(int capacity) {
        int asked = nonNegativeIntOption(LoopOption.MAX_PENDING_TASKS);
        int bound = asked == 0 || asked > capacity ? capacity : asked;
        Map<String, String> capped = new HashMap<>(options);
        capped.put(LoopOption.MAX_PENDING_TASKS, Integer.toString(bound));
        return new LoopSettings(implementation, name, threadFactory, uncaughtExceptionHandler, capped);
    }

    /**
     * Refuses a size that cannot be built: {@code slots} preallocated at {@code slotBytes} each (a lower bound) need
     * more memory than this JVM's heap may ever hold ({@link Runtime#maxMemory()}). Called before anything is built,
     * so that the caller gets this instead of an {@link OutOfMemoryError} half-way through construction; a size that
     * passes may still not fit a heap that is already in use.
     *
     * @param key the option that sets the size
     */
    public void requireHeapFor(String key, long slots, long slotBytes) {
        long needed = slots * slotBytes;
        long heap = Runtime.getRuntime().maxMemory();
        if (needed > heap) {
            throw new IllegalArgumentException("option '" + key + "' of '" + implementation + "' makes a ring of "
                    + slots + " slots, which preallocates at least " + needed + " bytes (" + slotBytes + " a slot), more than "
                    + "this JVM's heap of " + heap + " bytes (-Xmx, Runtime.maxMemory()); give a smaller size or a "
                    + "larger heap");
        }
    }

    /** An option's value as a non-negative int, or an {@link IllegalArgumentException} saying what was wrong. */
    public int nonNegativeIntOption(String key) {
        String value = option(key);
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed >= 0) {
                return parsed;
            }
        } catch (NumberFormatException ignored) {
            // reported below, with the value that failed
        }
        throw new IllegalArgumentException("option '" + key + "' of '" + implementation
                + "' must be a non-negative integer; was '" + value + "'");
    }
}
