package dev.loopbench.soak;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.registry.EventLoopRegistry;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * One loop of a soak round, with what the round must know to judge it: the thread it runs on, its producers' logs,
 * and who asked it to stop and how.
 *
 * <h2>Thread contract</h2>
 * Any thread; the flags are set before the stop they announce, so a check after the loop terminated sees them.
 */
final class SoakLoop {

    /** Where the loops' own classes live: a task of theirs handed back by shutdownNow() is their wrapper. */
    private static final String LOOP_PACKAGES = "dev.loopbench.loop";

    private final EventLoop loop;
    private final TrackingThreadFactory threads;
    private final List<ProducerLog> logs = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopAsked = new AtomicBoolean();
    private final AtomicBoolean stoppedFromLoopThread = new AtomicBoolean();
    private final Map<String, Integer> foreignHandedBack = new ConcurrentHashMap<>();

    private final BrokenInvariants broken;

    private SoakLoop(EventLoop loop, TrackingThreadFactory threads, BrokenInvariants broken) {
        this.loop = loop;
        this.threads = threads;
        this.broken = broken;
    }

    /**
     * Builds a loop of {@code provider} named {@code name}, refusing callers beyond {@code maxPendingTasks} queued
     * tasks (0 for no bound). A throwable that escapes one of its tasks is a broken invariant: no soak task throws.
     */
    static SoakLoop start(EventLoopProvider provider, String name, int maxPendingTasks, BrokenInvariants broken) {
        TrackingThreadFactory threads = new TrackingThreadFactory(name);
        EventLoop loop = EventLoopRegistry.builder(provider).name(name).threadFactory(threads)
                .option(LoopOption.MAX_PENDING_TASKS, Integer.toString(maxPendingTasks))
                .uncaughtExceptionHandler((thread, thrown) -> broken.report(name + ": " + thrown
                        + " escaped a task on " + thread.getName() + ", though no soak task throws"))
                .build();
        return new SoakLoop(loop, threads, broken);
    }

    EventLoop loop() {
        return loop;
    }

    String name() {
        return loop.name();
    }

    TrackingThreadFactory threads() {
        return threads;
    }

    /** A log for a new producer of this loop's tasks. */
    ProducerLog newLog(int producer, int capacity) {
        ProducerLog log = new ProducerLog("producer " + producer + " on " + name(), capacity, broken);
        logs.add(log);
        return log;
    }

    List<ProducerLog> logs() {
        return logs;
    }

    /**
     * Someone is about to stop this loop; call before {@code shutdown()}, {@code shutdownNow()} or {@code close()}.
     * The first call checks that the loop had not stopped by itself.
     */
    void stopAsked() {
        // read before the flag is taken: every stop comes after its own stopAsked(), so a loop already shut down
        // when the first of them read it had shut down unasked
        boolean alreadyShutDown = loop.isShutdown();
        if (!stopAsked.getAndSet(true) && alreadyShutDown) {
            reportStoppedUnasked();
        }
    }

    /**
     * A task on another loop is about to close this one: its {@code close()}, interrupted, calls a
     * {@code shutdownNow()} whose list of unrun tasks nobody sees.
     */
    void closedFromLoopThread() {
        stoppedFromLoopThread.set(true);
        stopAsked();
    }

    private void reportStoppedUnasked() {
        broken.report(name() + " shut down although nothing asked it to" + (loop.isTerminated()
                ? ", and terminated" : "") + "; its threads: " + threads.made().stream()
                .map(thread -> thread.getName() + (thread.isAlive() ? " alive" : " ended"))
                .collect(Collectors.joining(", ")));
    }

    /** Reports each of this loop's threads that died of a throwable. */
    void checkNoThreadDied() {
        threads.deaths().forEach(death -> broken.report(name() + ": loop thread " + death));
    }

    /**
     * Hands the tasks that {@code shutdownNow()} returned back to their producers' logs, and notes the others that
     * are not the loop's own wrappers of submitted tasks: continuations of its futures' stages, which a loop that
     * hands them back leaves pending.
     */
    void handedBack(List<Runnable> unrun) {
        for (Runnable task : unrun) {
            if (task instanceof ProducerTask producerTask) {
                producerTask.handBack();
            } else if (!task.getClass().getPackageName().startsWith(LOOP_PACKAGES)) {
                foreignHandedBack.merge(task.getClass().getName(), 1, Integer::sum);
            }
        }
    }

    /**
     * What may explain a pending future of this loop, or empty: what {@code shutdownNow()} handed back that neither
     * a producer nor the loop made (continuations, whose stages it leaves pending), and whether a task on another
     * loop closed this one (an interrupted {@code close()} there calls a {@code shutdownNow()} whose list nobody sees).
     */
    String pendingFutureHint() {
        String hint = foreignHandedBack.isEmpty() ? ""
                : "shutdownNow() of " + name() + " handed back, unrun, " + foreignHandedBack;
        if (stoppedFromLoopThread.get()) {
            hint += (hint.isEmpty() ? "" : "; ") + name() + " was closed by a task on another loop";
        }
        return hint;
    }

    /** Checks every producer's log; run after the loop has terminated and its producers have ended. */
    void checkLogs() {
        logs.forEach(log -> log.check(stoppedFromLoopThread.get()));
    }
}
