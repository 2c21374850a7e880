package dev.loopbench.loop.jdk;

import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.ExecutorBackedEventLoop;
import dev.loopbench.loop.support.LoopThreads;
import dev.loopbench.loop.support.Slowdown;

import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A single-thread {@link ThreadPoolExecutor} behind the contract: what a user would pick instead of an event
 * loop. The {@link ExecutorBackedEventLoop} gates fix what the JDK executor leaves to its users: a worker that
 * throws an {@link Error} dies, and {@code shutdownNow()} leaves the futures of unrun tasks pending forever.
 */
public final class ThreadPoolEventLoopAdapter extends ExecutorBackedEventLoop {

    private final ThreadPoolExecutor executor;
    /** The executor's one worker; only it runs tasks, since no gate lets a throwable kill it. */
    private volatile Thread worker;

    ThreadPoolEventLoopAdapter(LoopSettings settings) {
        super(settings);
        ThreadFactory loopThreads = LoopThreads.marking(settings.threadFactory());
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                Slowdown.slowsWakeups() ? new WakeupSlowingQueue() : new LinkedBlockingQueue<>(),
                body -> worker = loopThreads.newThread(body)) {
            @Override
            protected void terminated() {
                markTerminated();
            }
        };
        executor.prestartCoreThread();
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == worker;
    }

    @Override
    protected void executeOnUnderlying(Runnable gate) {
        executor.execute(gate);
    }

    @Override
    protected void drainUnderlying(List<Runnable> into) {
        executor.getQueue().drainTo(into);
    }

    /** Once input has closed nothing is added any more, so the executor may refuse new tasks and run out. */
    @Override
    protected void shutdownUnderlying() {
        executor.shutdown();
    }

    @Override
    protected int pendingTasks() {
        return executor.getQueue().size();
    }

    @Override
    protected boolean underlyingHasQueuedTasks() {
        return !executor.getQueue().isEmpty();
    }

    @Override
    protected void interruptLoopThread() {
        Thread current = worker;
        if (current != null) {
            current.interrupt();
        }
    }

    /** The worker's queue under a wakeup slowdown ({@link Slowdown}): a {@code take()} that found it empty waited. */
    private static final class WakeupSlowingQueue extends LinkedBlockingQueue<Runnable> {

        @Override
        public Runnable take() throws InterruptedException {
            boolean waits = isEmpty(); // benign race: a task offered meanwhile makes one wakeup slow that was none
            Runnable task = super.take();
            if (waits) {
                Slowdown.afterWakeup();
            }
            return task;
        }
    }
}
