package dev.loopbench.loop.disruptor;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.EventTranslator;
import com.lmax.disruptor.EventTranslatorOneArg;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;
import dev.loopbench.loop.LoopCounters;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.support.AbstractEventLoop;
import dev.loopbench.loop.support.LoopThreads;
import dev.loopbench.loop.support.RingWithOverflow;
import dev.loopbench.loop.support.Slowdown;

import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An event loop on an LMAX Disruptor: producers publish tasks into a multi-producer {@link RingBuffer}
 * ({@code ProducerType.MULTI}), and one {@link BatchEventProcessor}, on a thread from the settings' factory, hands
 * them to one {@link EventHandler} that runs them. The loop waits through one of the Disruptor's own
 * {@link WaitStrategy}s ({@link DisruptorWaitStrategyType}), decorated so that it also looks at the overflow queue
 * and the lifecycle before it waits.
 *
 * <h2>Thread contract</h2>
 * Producers (any thread) publish into the ring, or offer to the overflow queue and publish an empty "nudge" event;
 * only the processor's thread reads either and runs tasks.
 *
 * <h2>Invariants</h2>
 * <ol>
 *   <li>The ring and its overflow keep {@link RingWithOverflow}'s rules: the ring holds at most its size,
 *       {@code execute} and {@code submit} are refused in the caller once that many tasks are pending, what must not
 *       be refused overflows, and the loop takes each overflow task only when the ring's cursor shows no event
 *       claimed past the loop's sequence: a producer's later task never runs before its earlier one, whichever of
 *       the two each went to.</li>
 *   <li>Before it waits, the loop reads the overflow queue and the state after a full fence; a producer that added to
 *       the overflow, or changed the state, publishes a nudge after a full fence. Either the loop sees the change, or
 *       the producer's nudge is in the ring (and the wait strategy returns for it), or the ring was full, and the
 *       loop looks again after handling what fills it (Dekker on the overflow or state and the loop's sequence). No
 *       wakeup is lost.</li>
 *   <li>The waiting loop swallows interrupts: the Disruptor's processor would treat an {@link InterruptedException}
 *       from a blocking wait as a failed event and skip a sequence. {@code shutdownNow()} stops the loop through the
 *       state.</li>
 *   <li>Only the loop thread halts the processor, once it has stopped or, after input closed, found the ring and the
 *       overflow empty; events the processor still hands over after the halt carry no task.</li>
 * </ol>
 */
public final class DisruptorEventLoop extends AbstractEventLoop {

    /** What the ring preallocates per slot at least: a compressed reference and a {@link TaskEvent} of 16 bytes. */
    static final int SLOT_BYTES = 4 + 16;

    /** Events or overflow tasks the loop runs at most in one batch, which ends with their count published. */
    private static final int MAX_BATCH_SIZE = 1024;

    private static final EventTranslatorOneArg<TaskEvent, Runnable> PUBLISH_TASK = (event, sequence, task) -> event.task = task;
    private static final EventTranslator<TaskEvent> PUBLISH_NUDGE = (event, sequence) -> event.task = null;

    private final RingBuffer<TaskEvent> ring;
    private final RingWithOverflow tasks;
    /**
     * Nudges published into the ring and not yet handed to the handler, at least: {@link #pendingTasks()} counts
     * tasks, and a nudge is no task. Counted before the nudge is published, so a nudge is never taken for a task.
     */
    private final AtomicInteger nudgesInRing = new AtomicInteger();
    private final BatchEventProcessor<TaskEvent> processor;
    private final Thread thread;
    private final boolean wakeupsCounted;

    /** Loop thread only: the sequence of the next event not yet handed to the handler. */
    private long nextSequence;
    /** Loop thread only: tasks started in the current batch but not yet counted. */
    private long uncounted;
    /** Loop thread only: whether the current batch has started a task yet. */
    private boolean batchStartedTask;

    /**
     * @param settings with {@code maxPendingTasks} at most {@code ringSize} (see
     *                 {@link LoopSettings#withMaxPendingTasksAtMost})
     * @param ringSize a power of two
     */
    DisruptorEventLoop(LoopSettings settings, DisruptorWaitStrategyType waitStrategy, int ringSize) {
        super(settings);
        this.wakeupsCounted = !waitStrategy.wokenByProducers();
        this.ring = RingBuffer.createMultiProducer(TaskEvent::new, ringSize, new LoopWaitStrategy(waitStrategy.create()));
        this.tasks = new RingWithOverflow(new RingWithOverflow.Ring() {
            @Override
            public boolean offer(Runnable task) {
                return ring.tryPublishEvent(PUBLISH_TASK, task);
            }

            /** Claimed past the loop's sequence: published or not, the processor hands it over first. */
            @Override
            public boolean holdsTasks() {
                return ring.getCursor() >= nextSequence;
            }

            /** Claimed slots less the nudges among them: a nudge is no task. */
            @Override
            public int size() {
                int claimed = (int) (ring.getBufferSize() - ring.remainingCapacity());
                return Math.max(0, claimed - nudgesInRing.get());
            }
        });
        this.processor = new BatchEventProcessorBuilder().setMaxBatchSize(MAX_BATCH_SIZE)
                .build(ring, ring.newBarrier(), new TaskHandler());
        ring.addGatingSequences(processor.getSequence());
        this.thread = LoopThreads.marking(settings.threadFactory()).newThread(processor);
        thread.start();
    }

    @Override
    public boolean inEventLoop() {
        return Thread.currentThread() == thread;
    }

    @Override
    protected void enqueue(Runnable task) {
        if (tasks.offer(task)) {
            nudge(); // overflowed: the loop may be waiting for the ring
        }
    }

    /** Any thread: makes a waiting loop look at the overflow queue and the state (invariant 3). */
    private void nudge() {
        VarHandle.fullFence(); // ordering point (invariant 3): the overflow or state change before the ring's sequences
        nudgesInRing.incrementAndGet();
        if (!ring.tryPublishEvent(PUBLISH_NUDGE)) {
            nudgesInRing.decrementAndGet(); // a full ring is handled by the loop first, which then looks again
        }
    }

    @Override
    protected void drainQueue(List<Runnable> into) {
        // every producer admitted has published (the caller waited them out); unpublished slots are nudges in flight
        for (long sequence = nextSequence, cursor = ring.getCursor(); sequence <= cursor; sequence++) {
            if (ring.isAvailable(sequence)) {
                Runnable task = ring.get(sequence).take();
                if (task != null) {
                    into.add(task);
                }
            }
        }
        tasks.drainOverflow(into);
    }

    @Override
    protected int pendingTasks() {
        return tasks.pendingTasks();
    }

    @Override
    protected void onInputClosed() {
        // the loop closed input itself, and halts once the ring and the overflow are empty
    }

    @Override
    protected void requestCloseCheck() {
        nudge();
    }

    @Override
    protected void requestStop() {
        thread.interrupt(); // ends the current task's blocking call; the loop sees STOPPING before it waits
        nudge();
    }

    @Override
    protected void onStopped() {
        processor.halt(); // invariant 5: the queue is empty now, and stays so
    }

    /** Zero for the strategies producers never wake; not counted for the blocking ones (see the strategy table). */
    @Override
    protected long wakeupsIssued() {
        return wakeupsCounted ? 0 : LoopCounters.NOT_COUNTED;
    }

    // ------------------------------------------------------------------------------------------------------
    // The loop thread
    // ------------------------------------------------------------------------------------------------------

    /** Loop thread only: runs one task taken from the ring or the overflow, under the contract's rules. */
    private void run(Runnable task) {
        if (runUnlessStopping(task, !batchStartedTask)) {
            if (batchStartedTask) {
                uncounted++;
            } else {
                batchStartedTask = true; // counted as it started
            }
        }
    }

    /** Loop thread only: publishes the count of the batch's other tasks. */
    private void endBatch() {
        countTasksRun(uncounted);
        uncounted = 0;
        batchStartedTask = false;
    }

    /**
     * Loop thread only, when the processor's wait gave up (see {@link LoopWaitStrategy}): nothing is claimed in the
     * ring, and the overflow holds tasks or the lifecycle has a step to take.
     */
    private void onNothingInRing() {
        int state = state(); // read before looking: once input has closed, empty queues stay empty
        Runnable task = tasks.pollOverflowBehindRing();
        if (task != null) {
            try {
                for (int started = 0; task != null;
                        task = ++started < MAX_BATCH_SIZE ? tasks.pollOverflowBehindRing() : null) {
                    run(task);
                }
            } finally {
                endBatch();
            }
            return;
        }
        if (ring.getCursor() >= nextSequence) {
            return; // claimed since the wait gave up: the processor hands it over first
        }
        if (afterEmptyPoll(state) == FINISHED) {
            // invariant 5; after a stop, onStopped() has halted it already, and a second halt changes nothing
            processor.halt();
        }
    }

    /** A slot of the ring: a task, or null for a nudge. */
    private static final class TaskEvent {

        private Runnable task;

        /** Loop thread only: the task, leaving the slot empty for the ring's next lap and for a later drain. */
        Runnable take() {
            Runnable taken = task;
            task = null;
            return taken;
        }
    }

    /** The loop: the one handler of the processor's events. */
    private final class TaskHandler implements EventHandler<TaskEvent> {

        /** The processor's own sequence, which gates producers. */
        private Sequence released;

        @Override
        public void setSequenceCallback(Sequence processorSequence) {
            this.released = processorSequence;
        }

        @Override
        public void onEvent(TaskEvent event, long sequence, boolean endOfBatch) {
            try {
                nextSequence = sequence + 1;
                Runnable task = event.take();
                // the slot is free once its task is taken, not when the batch ends: the ring then bounds the tasks
                // waiting, not the ones a long batch has already run
                released.set(sequence);
                if (task != null) {
                    run(task);
                } else {
                    nudgesInRing.decrementAndGet();
                }
                if (endOfBatch) {
                    endBatch();
                }
            } catch (Throwable loopFailure) {
                die(loopFailure); // a fault outside any task: the loop dies, no future hangs
            }
        }

        @Override
        public void onTimeout(long sequence) {
            try {
                onNothingInRing();
            } catch (Throwable loopFailure) {
                die(loopFailure);
            }
        }

        @Override
        public void onShutdown() {
            endBatch();
            markTerminated();
        }
    }

    /**
     * The chosen Disruptor strategy, with the loop's own look before each wait (invariants 2, 3 and 4): when the
     * overflow holds tasks or the lifecycle has a step to take and nothing is claimed in the ring, it gives up with
     * the Disruptor's {@link TimeoutException}, which the processor turns into {@link TaskHandler#onTimeout}.
     */
    private final class LoopWaitStrategy implements WaitStrategy {

        private final WaitStrategy disruptor;

        LoopWaitStrategy(WaitStrategy disruptor) {
            this.disruptor = disruptor;
        }

        @Override
        public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
                throws AlertException, TimeoutException {
            VarHandle.fullFence(); // ordering point (invariant 3): the loop's sequence before the overflow and state
            // the overflow before the ring (invariant 2): what a producer published before it overflowed is seen
            if ((!tasks.overflowIsEmpty() || !mayIdle()) && dependentSequence.get() < sequence) {
                throw TimeoutException.INSTANCE;
            }
            Thread.interrupted(); // a task's leftover interrupt would fail the blocking strategies' wait at once
            // a blocking strategy waits for a producer's signal only when nothing is published yet (see Slowdown)
            boolean waitsForProducer = Slowdown.slowsWakeups() && !wakeupsCounted && cursor.get() < sequence;
            try {
                return disruptor.waitFor(sequence, cursor, dependentSequence, barrier);
            } catch (InterruptedException swallowed) {
                return sequence - 1; // invariant 4: nothing available yet; the processor asks again
            } finally {
                if (waitsForProducer) {
                    Slowdown.afterWakeup();
                }
            }
        }

        @Override
        public void signalAllWhenBlocking() {
            disruptor.signalAllWhenBlocking();
        }
    }
}
