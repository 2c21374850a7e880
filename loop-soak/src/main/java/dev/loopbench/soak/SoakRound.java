package dev.loopbench.soak;

import dev.loopbench.loop.EventLoopProvider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One soak round of one implementation: two loops of it, one bounded ({@code maxPendingTasks}) and one not, fed by
 * producers while an interrupter hits their threads, their offloads' pool is shut down midway, a task on one loop
 * closes the other (sometimes each closes the other), and each loop is shut down, gracefully or now, at a random
 * moment. Then every invariant is checked: futures, the producers' logs, threads, file descriptors.
 *
 * <h2>Schedule and seed</h2>
 * The seed draws the schedule: the bound, the producers, the moments and kinds of the stops and closes. The threads'
 * interleaving is the machine's, so a seed replays the schedule of a failing round, not its exact race.
 *
 * <h2>Thread contract</h2>
 * {@link #run} on the soak's thread, which is the round's controller: it never waits unbounded (see
 * {@link BoundedCall}).
 */
final class SoakRound {

    /** How long any one operation may take before it counts as stuck: generous, since the machine is shared. */
    static final Duration STUCK_AFTER = Duration.ofSeconds(15);
    /** The timeout given to an {@code awaitTermination}: short of {@link #STUCK_AFTER}, so that only one that
     * ignores its timeout counts as a stuck call. */
    private static final long AWAIT_MILLIS = STUCK_AFTER.toMillis() * 9 / 10;

    /** How long futures may take to complete once every thread that could complete them has ended. */
    private static final Duration ENDED_GRACE = Duration.ofSeconds(1);
    private static final int[] BOUNDS = {1, 16, 256};
    private static final int MIN_ROUND_MILLIS = 300;
    private static final int MAX_ROUND_MILLIS = 1200;
    private static final int MAX_PRODUCERS_PER_LOOP = 2;
    private static final int PRODUCER_CAPACITY = 1 << 18;
    private static final int POOL_THREADS = 2;
    private static final int CLOSER_ATTEMPTS = 1000;

    /** What a round found and did; {@code stuck} when an operation never returned, leaving threads behind. */
    record Result(String implementation, int round, long seed, String schedule, RoundCounts counts,
                  List<String> broken, boolean stuck) {
    }

    private record Event(long atMillis, String what, Runnable action) {
        @Override
        public String toString() {
            return "at " + atMillis + " ms " + what;
        }
    }

    private final EventLoopProvider provider;
    private final int round;
    private final long seed;
    private final String prefix;
    private final BrokenInvariants broken = new BrokenInvariants();
    private final RoundCounts counts = new RoundCounts();
    private final FutureWatch futures = new FutureWatch();
    private final AtomicBoolean roundOver = new AtomicBoolean();
    private final TrackingThreadFactory workers;
    private final TrackingThreadFactory poolThreads;
    private boolean stuck;

    SoakRound(EventLoopProvider provider, int round, long seed) {
        this.provider = provider;
        this.round = round;
        this.seed = seed;
        this.prefix = "soak-r" + round;
        this.workers = new TrackingThreadFactory(prefix + "-worker");
        this.poolThreads = new TrackingThreadFactory(prefix + "-pool");
    }

    Result run() {
        SplittableRandom random = new SplittableRandom(seed);
        DescriptorLeakCheck descriptors = DescriptorLeakCheck.start();
        int bound = BOUNDS[random.nextInt(BOUNDS.length)];
        SoakLoop first = SoakLoop.start(provider, prefix + "-a", bound, broken);
        SoakLoop second = SoakLoop.start(provider, prefix + "-b", 0, broken);
        List<SoakLoop> loops = List.of(first, second);
        BoundedCall calls = new BoundedCall(workers, STUCK_AFTER, broken,
                () -> Stream.concat(loopThreads(loops).stream(), poolThreads.made().stream()).collect(Collectors.toList()));
        ThreadPoolExecutor pool = new ThreadPoolExecutor(POOL_THREADS, POOL_THREADS, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), poolThreads);

        List<Thread> started = new ArrayList<>();
        int producer = 0;
        for (SoakLoop loop : loops) {
            SoakLoop other = loop == first ? second : first;
            for (int n = 1 + random.nextInt(MAX_PRODUCERS_PER_LOOP); n > 0; n--) {
                ProducerLog log = loop.newLog(++producer, PRODUCER_CAPACITY);
                started.add(workers.newThread(
                        new Producer(loop, other, log, pool, futures, counts, random.nextLong(), roundOver)));
            }
        }
        started.add(workers.newThread(new Interrupter(loops, random.nextLong(), roundOver, counts.interrupts)));

        long roundMillis = random.nextInt(MIN_ROUND_MILLIS, MAX_ROUND_MILLIS + 1);
        List<Event> schedule = schedule(random, roundMillis, first, second, pool, calls);
        String described = first.name() + " bounded at " + bound + " with " + first.logs().size() + " producer(s), "
                + second.name() + " unbounded with " + second.logs().size() + "; " + roundMillis + " ms; "
                + schedule.stream().map(Event::toString).collect(Collectors.joining(", "));
        long startNanos = System.nanoTime();
        started.forEach(Thread::start);
        for (Event event : schedule) {
            sleepUntil(startNanos + TimeUnit.MILLISECONDS.toNanos(event.atMillis()));
            event.action().run();
        }
        sleepUntil(startNanos + TimeUnit.MILLISECONDS.toNanos(roundMillis));

        roundOver.set(true);
        long deadline = System.nanoTime() + STUCK_AFTER.toNanos();
        for (Thread thread : started) {
            joinBy(thread, deadline);
        }
        List<SoakLoop> terminated = new ArrayList<>();
        for (SoakLoop loop : loops) {
            if (stop(loop, calls)) {
                terminated.add(loop);
            }
        }
        pool.shutdown();
        boolean poolTerminated = calls.call("the offload pool's awaitTermination",
                () -> pool.awaitTermination(AWAIT_MILLIS, TimeUnit.MILLISECONDS)).orElse(false);
        if (!poolTerminated) {
            broken.report("the offload pool did not terminate");
        }

        // once the loops and the pool have ended, nothing is left that could complete a pending future
        boolean allEnded = poolTerminated && terminated.size() == loops.size();
        futures.awaitAll(System.nanoTime() + (allEnded ? ENDED_GRACE : STUCK_AFTER).toNanos(), broken,
                loops.stream().map(SoakLoop::pendingFutureHint).filter(hint -> !hint.isEmpty())
                        .collect(Collectors.joining("; ")));
        counts.futures.add(futures.size());
        terminated.forEach(SoakLoop::checkLogs); // a loop that never terminated may still change its logs
        loops.forEach(SoakLoop::checkNoThreadDied);
        List<TrackingThreadFactory> factories = new ArrayList<>(List.of(workers, poolThreads));
        loops.forEach(loop -> factories.add(loop.threads()));
        ThreadLeakCheck.check(prefix, factories, System.nanoTime() + STUCK_AFTER.toNanos(), broken);
        descriptors.check(broken);
        return new Result(provider.name(), round, seed, described, counts, broken.all(), stuck || calls.anyStuck());
    }

    /**
     * The round's disturbances, each at a random moment: the pool shut down (gracefully or now), a task on one loop
     * closing the other (or each closing the other, at once), and each loop's shutdown or shutdownNow (or none, when
     * the round's end shuts it down gracefully).
     */
    private List<Event> schedule(SplittableRandom random, long roundMillis, SoakLoop first, SoakLoop second,
                                 ThreadPoolExecutor pool, BoundedCall calls) {
        List<Event> events = new ArrayList<>();
        boolean poolNow = random.nextBoolean();
        events.add(new Event(random.nextLong(roundMillis / 5, roundMillis),
                "the pool " + (poolNow ? "shutdownNow()" : "shutdown()"), () -> stopPool(pool, poolNow)));
        if (random.nextInt(10) < 6) {
            boolean eachOther = random.nextBoolean();
            events.add(new Event(random.nextLong(roundMillis / 5, roundMillis), eachOther
                    ? "tasks on " + first.name() + " and " + second.name() + " close each other"
                    : "a task on " + first.name() + " closes " + second.name(), () -> {
                closeFrom(first, second);
                if (eachOther) {
                    closeFrom(second, first);
                }
            }));
        }
        for (SoakLoop loop : List.of(first, second)) {
            int kind = random.nextInt(3);
            if (kind > 0) {
                boolean now = kind == 2;
                events.add(new Event(random.nextLong(roundMillis / 3, roundMillis),
                        loop.name() + (now ? ".shutdownNow()" : ".shutdown()"), () -> stopAtRandom(loop, now, calls)));
            }
        }
        events.sort(Comparator.comparingLong(Event::atMillis));
        return events;
    }

    /**
     * Shuts the pool down midway. Shut down now, it hands back the offloaded calls it never started; the soak runs
     * them here, since an offload its pool drops holds a graceful shutdown open by the contract's own rule.
     */
    private static void stopPool(ThreadPoolExecutor pool, boolean now) {
        if (now) {
            pool.shutdownNow().forEach(Runnable::run);
        } else {
            pool.shutdown();
        }
    }

    /** A task on {@code closer} closes {@code closed}; a bounded loop that is full is tried again, a few times. */
    private void closeFrom(SoakLoop closer, SoakLoop closed) {
        Runnable close = () -> {
            closed.closedFromLoopThread();
            closed.loop().close();
            counts.closes.increment();
        };
        for (int attempt = 0; attempt < CLOSER_ATTEMPTS && !closer.loop().isShutdown(); attempt++) {
            try {
                closer.loop().execute(close);
                return;
            } catch (RejectedExecutionException full) {
                Thread.yield();
            }
        }
    }

    private void stopAtRandom(SoakLoop loop, boolean now, BoundedCall calls) {
        loop.stopAsked();
        if (now) {
            calls.call(loop.name() + ".shutdownNow()", () -> loop.loop().shutdownNow()).ifPresent(loop::handedBack);
        } else {
            loop.loop().shutdown();
        }
    }

    /**
     * Shuts {@code loop} down gracefully and waits for it to terminate; one that does not is stuck, and is then shut
     * down now. Returns whether it terminated.
     */
    private boolean stop(SoakLoop loop, BoundedCall calls) {
        loop.stopAsked();
        calls.call(loop.name() + ".shutdown()", () -> {
            loop.loop().shutdown();
            return true;
        });
        if (awaitTermination(loop, calls)) {
            return true;
        }
        stuck = true;
        broken.report("stuck: " + loop.name() + " had not terminated " + AWAIT_MILLIS / 1000.0
                + " s after shutdown(); " + loop.threads().made().stream().filter(Thread::isAlive)
                .map(StackTraces::describe).collect(Collectors.joining("; ")));
        calls.call(loop.name() + ".shutdownNow()", () -> loop.loop().shutdownNow()).ifPresent(loop::handedBack);
        return awaitTermination(loop, calls);
    }

    private static boolean awaitTermination(SoakLoop loop, BoundedCall calls) {
        Optional<Boolean> terminated = calls.call(loop.name() + ".awaitTermination(" + AWAIT_MILLIS + " ms)",
                () -> loop.loop().awaitTermination(AWAIT_MILLIS, TimeUnit.MILLISECONDS));
        return terminated.orElse(false);
    }

    private static List<Thread> loopThreads(List<SoakLoop> loops) {
        return loops.stream().flatMap(loop -> loop.threads().made().stream()).collect(Collectors.toList());
    }

    private static void sleepUntil(long nanoTime) {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(left);
        }
    }

    private void joinBy(Thread thread, long deadlineNanos) {
        try {
            thread.join(Math.max(1, (deadlineNanos - System.nanoTime()) / 1_000_000));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            stuck = true;
            broken.report("stuck: " + StackTraces.describe(thread) + " still ran " + STUCK_AFTER.toSeconds()
                    + " s after the round ended");
        }
    }
}
