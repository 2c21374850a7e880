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
import dev.loopbench.loop.EventLoopProvider;
import dev.loopbench.loop.LoopCounters;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.LoopSettings;
import dev.loopbench.loop.SimpleEventLoopProvider;
import dev.loopbench.loop.support.AbstractEventLoop;
import dev.loopbench.loop.support.LoopThreads;
import dev.loopbench.loop.support.Slowdown;
import org.jctools.queues.MessagePassingQueue;
import org.jctools.queues.MpscUnboundedArrayQueue;

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
 *   <li>The ring holds at most its size; {@code execute} and {@code submit} are refused in the caller once that many
 *       tasks are pending (the loop's {@code maxPendingTasks} is never above the ring's size). What must not be
 *       refused (continuations, offload outcomes, and producers that raced past the bound) goes to the unbounded
 *       overflow queue, which the loop drains too.</li>
 *   <li>A producer offers to the overflow queue whenever it is not empty, and the loop takes each overflow task only
 *       after it has seen that task at the overflow's head and then no event claimed in the ring: a producer's later
 *       task never runs before its earlier one, whichever of the two each went to. The look is per task, not per
 *       batch: the overflow can empty and refill while one of its tasks runs, and a producer that saw it empty may
 *       have put tasks into the ring before the ones it overflowed next.</li>
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

    public static final String NAME = "disruptor";
    public static final String WAIT_STRATEGY = "waitStrategy";
    public static final String RING_SIZE = "ringSize";
    /**
     * 2^19: the conformance suite's FIFO test queues up to 400,000 tasks from 4 producers that do not retry, and the
     * benchmarks keep at most 8,192 in flight; a smaller ring refuses callers sooner, and is preallocated faster.
     */
    public static final int DEFAULT_RING_SIZE = 1 << 19;
    /** What the ring preallocates per slot at least: a compressed reference and a {@link TaskEvent} of 16 bytes. */
    private static final int SLOT_BYTES = 4 + 16;
    /** How the registry builds it. */
    public static final EventLoopProvider PROVIDER = new SimpleEventLoopProvider(NAME,
            "LMAX Disruptor 4: multi-producer ring, one event handler, the Disruptor's wait strategies",
            List.of(LoopOption.oneOf(WAIT_STRATEGY, DisruptorWaitStrategyType.BLOCKING.alias(),
                            DisruptorWaitStrategyType.aliases(), "the Disruptor's wait strategy: lock and condition, "
                                    + "the same signalled only when waiting, spin-yield-park 100 ns, spin-yield, or busy-spin"),
                    LoopOption.intBetween(RING_SIZE, DEFAULT_RING_SIZE, 1, 1 << 30, "the ring's size, a power of two "
                            + "up to 2^30, refused when its slots cannot fit the heap (" + SLOT_BYTES + " bytes a slot "
                            + "at least); execute and submit are refused once it is full, and maxPendingTasks is capped at it"),
                    LoopOption.maxPendingTasks()),
            DisruptorEventLoop::create);

    /** Events or overflow tasks the loop runs at most in one batch, which ends with their count published. */
    private static final int MAX_BATCH_SIZE = 1024;
    /** Elements per chunk of the overflow queue, which holds nothing unless the ring is full. */
    private static final int OVERFLOW_CHUNK_SIZE = 64;

    private static final EventTranslatorOneArg<TaskEvent, Runnable> PUBLISH_TASK = (event, sequence, task) -> event.task = task;
    private static final EventTranslator<TaskEvent> PUBLISH_NUDGE = (event, sequence) -> event.task = null;

    private final RingBuffer<TaskEvent> ring;
    private final MessagePassingQueue<Runnable> overflow = new MpscUnboundedArrayQueue<>(OVERFLOW_CHUNK_SIZE);
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

    private static DisruptorEventLoop create(LoopSettings settings) {
        int ringSize = settings.nonNegativeIntOption(RING_SIZE);
        if (Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("option '" + RING_SIZE + "' of '" + NAME
                    + "' must be a power of two; was " + ringSize);
        }
        settings.requireHeapFor(RING_SIZE, ringSize, SLOT_BYTES);
        return new DisruptorEventLoop(settings.withMaxPendingTasksAtMost(ringSize),
                DisruptorWaitStrategyType.forAlias(settings.option(WAIT_STRATEGY)), ringSize);
    }

    /**
     * @param settings with {@code maxPendingTasks} at most {@code ringSize} (see
     *                 {@link LoopSettings#withMaxPendingTasksAtMost})
     * @param ringSize a power of two
     */
    private DisruptorEventLoop(LoopSettings settings, DisruptorWaitStrategyType waitStrategy, int ringSize) {
        super(settings);
        this.wakeupsCounted = !waitStrategy.wokenByProducers();
        this.ring = RingBuffer.createMultiProducer(TaskEvent::new, ringSize, new LoopWaitStrategy(waitStrategy.create()));
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
        // invariant 2: behind whatever overflowed before, so that this producer's tasks keep their order
        if (overflow.isEmpty() && ring.tryPublishEvent(PUBLISH_TASK, task)) {
            return;
        }
        overflow.offer(task);
        nudge();
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
        overflow.drain(into::add);
    }

    @Override
    protected int pendingTasks() {
        int claimed = (int) (ring.getBufferSize() - ring.remainingCapacity());
        return Math.max(0, claimed - nudgesInRing.get()) + overflow.size();
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
        if (state() >= STOPPING) {
            stopOnLoopThread(task, stoppedBeforeRunning());
            return;
        }
        if (batchStartedTask) {
            uncounted++;
        } else {
            batchStartedTask = true;
            countTasksRun(1); // a batch's first task is counted before it runs, as after an idle spell
        }
        runTask(task);
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
        Runnable task = pollOverflowBehindRing();
        if (task != null) {
            try {
                for (int started = 0; task != null;
                        task = ++started < MAX_BATCH_SIZE ? pollOverflowBehindRing() : null) {
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
        if (state >= STOPPING) {
            stopOnLoopThread(null, stoppedBeforeRunning());
        } else if (state == SHUTDOWN) {
            processor.halt(); // the graceful shutdown is complete (invariant 5)
        } else if (state == SHUTTING_DOWN) {
            closeInput();
        }
    }

    /**
     * Loop thread only: the overflow's head, unless an event is claimed in the ring that the processor has not
     * handed over yet (invariant 2); then null, and the processor hands the ring's events over first.
     *
     * <p>Why each task, and not once a batch: while an overflow task runs, the overflow may be empty (that task was
     * its last) and a producer, seeing it empty, publishes its next tasks to the ring, whose slots the handler has
     * already released, until the ring is full (or another producer overflows), and then offers its next task to the
     * overflow. Polling on would run that task before the ones the same producer put into the ring before it. A
     * producer claims its ring slot (the cursor) before it offers its later task to the overflow, so a loop that
     * sees that task at the head and only then reads the cursor sees the claim. Peeking first leaves the task at the
     * head when it must wait. This costs a peek and a cursor read per overflow task; tasks that go through the ring
     * pay nothing for it.
     */
    private Runnable pollOverflowBehindRing() {
        if (overflow.peek() == null || ring.getCursor() >= nextSequence) {
            return null;
        }
        return overflow.poll(); // the task peeked: this thread is the overflow's only consumer
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
            if ((!overflow.isEmpty() || !mayIdle()) && dependentSequence.get() < sequence) {
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
