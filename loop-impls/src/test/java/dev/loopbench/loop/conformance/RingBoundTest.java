package dev.loopbench.loop.conformance;

import dev.loopbench.loop.EventLoop;
import dev.loopbench.loop.LoopOption;
import dev.loopbench.loop.agrona.AgronaEventLoopProvider;
import dev.loopbench.loop.disruptor.DisruptorEventLoopProvider;
import dev.loopbench.loop.registry.EventLoopRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Not part of the suite every loop runs: the loops on bounded rings ({@code agrona}, {@code disruptor}) refuse callers
 * once the ring is full, but never what they owe: continuations and offload outcomes overflow, and still run, in
 * order. The racy tests repeat.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class RingBoundTest extends ConformanceSupport {

    private static final int RING = 4;
    private static final int REPEATS = 20;

    private final ExecutorService pool = Executors.newSingleThreadExecutor();

    /** Each ring loop with the option that sizes its ring. */
    static List<Arguments> ringLoops() {
        return List.of(Arguments.of(AgronaEventLoopProvider.NAME, AgronaEventLoopProvider.CAPACITY),
                Arguments.of(DisruptorEventLoopProvider.NAME, DisruptorEventLoopProvider.RING_SIZE));
    }

    /**
     * Each ring loop with the option that sizes its ring and a lower bound of the bytes each slot preallocates: an
     * array reference (4 bytes, compressed), and for the Disruptor the event object in the slot too (16 bytes).
     */
    static List<Arguments> ringLoopsWithSlotBytes() {
        return List.of(Arguments.of(AgronaEventLoopProvider.NAME, AgronaEventLoopProvider.CAPACITY, 4),
                Arguments.of(DisruptorEventLoopProvider.NAME, DisruptorEventLoopProvider.RING_SIZE, 4 + 16));
    }

    /** Each ring loop, {@link #REPEATS} times. */
    static List<Arguments> ringLoopsRepeated() {
        List<Arguments> repeated = new ArrayList<>();
        for (int i = 0; i < REPEATS; i++) {
            repeated.addAll(ringLoops());
        }
        return repeated;
    }

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    private EventLoop ringLoop(String impl, String sizeOption, int size) {
        return track(EventLoopRegistry.builder(impl).option(sizeOption, Integer.toString(size)).build());
    }

    @ParameterizedTest(name = "[{0}] a full ring refuses execute and submit in the caller, naming the loop")
    @MethodSource("ringLoops")
    void aFullRingRefusesTheCaller(String impl, String sizeOption) throws Exception {
        EventLoop loop = ringLoop(impl, sizeOption, RING);
        CountDownLatch release = occupy(loop);
        CountDownLatch ran = new CountDownLatch(RING);
        for (int i = 0; i < RING; i++) {
            loop.execute(ran::countDown);
        }
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
        assertTrue(refused.getMessage().contains("'" + loop.name() + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains(RING + " tasks pending"), refused.getMessage());
        assertThrows(RejectedExecutionException.class, () -> loop.submit(() -> 1));
        release.countDown();
        await(ran, "the tasks accepted while the ring had room");
        assertEquals(1, get(loop.submit(() -> 1), "a task once the ring drained"));
    }

    @ParameterizedTest(name = "[{0}] agrona's capacity is rounded up to a power of two, the ring's must be one")
    @MethodSource("ringLoops")
    void theRingSizeIsAPowerOfTwo(String impl, String sizeOption) throws Exception {
        if (impl.equals(DisruptorEventLoopProvider.NAME)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ringLoop(impl, sizeOption, RING + 1));
            assertTrue(e.getMessage().contains("power of two"), e.getMessage());
            return;
        }
        EventLoop loop = ringLoop(impl, sizeOption, RING + 1); // rounded up to 2 * RING
        CountDownLatch release = occupy(loop);
        for (int i = 0; i < 2 * RING; i++) {
            loop.execute(() -> { });
        }
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
        assertTrue(refused.getMessage().contains(2 * RING + " tasks pending"), refused.getMessage());
        release.countDown();
    }

    @ParameterizedTest(name = "[{0}] a smaller maxPendingTasks bounds the caller before the ring does")
    @MethodSource("ringLoops")
    void maxPendingTasksBelowTheRingBoundsFirst(String impl, String sizeOption) throws Exception {
        EventLoop loop = track(EventLoopRegistry.builder(impl).option(sizeOption, Integer.toString(RING))
                .option(LoopOption.MAX_PENDING_TASKS, "2").build());
        CountDownLatch release = occupy(loop);
        loop.execute(() -> { });
        loop.execute(() -> { });
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
        assertTrue(refused.getMessage().contains("2 tasks pending"), refused.getMessage());
        release.countDown();
    }

    @ParameterizedTest(name = "[{0}] a ring too large for the heap is refused at build, naming the memory it needs")
    @MethodSource("ringLoopsWithSlotBytes")
    void aRingTooLargeForTheHeapIsRefused(String impl, String sizeOption, int slotBytes) {
        int size = 1 << 30;
        assumeTrue((long) size * slotBytes > Runtime.getRuntime().maxMemory(),
                "a ring of 2^30 slots would fit this JVM's heap of " + Runtime.getRuntime().maxMemory() + " bytes");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> ringLoop(impl, sizeOption, size));
        assertTrue(refused.getMessage().contains("'" + sizeOption + "' of '" + impl + "'"), refused.getMessage());
        assertTrue(refused.getMessage().contains(Long.toString(Runtime.getRuntime().maxMemory())), refused.getMessage());
    }

    /**
     * A task taken from the overflow holds the loop with another behind it: producers then overflow too, each with a
     * nudge into the ring for the loop to look at the overflow. The bound counts the tasks, not those nudges.
     */
    @ParameterizedTest(name = "[{0}] under overflow, maxPendingTasks counts the tasks, not the events that wake the loop")
    @MethodSource("ringLoops")
    void underOverflowTheBoundCountsTasks(String impl, String sizeOption) throws Exception {
        EventLoop loop = ringLoop(impl, sizeOption, RING);
        CompletableFuture<Integer> done = loop.submit(() -> 0);
        get(done, "a task before the ring fills");
        CountDownLatch release = occupy(loop);
        for (int i = 0; i < RING; i++) {
            loop.execute(() -> { });
        }
        CountDownLatch headRuns = new CountDownLatch(1);
        CountDownLatch releaseHead = new CountDownLatch(1);
        CompletableFuture<Void> head = done.thenRunAsync(() -> block(new ArrayList<>(), 0, headRuns, releaseHead), loop);
        CompletableFuture<Void> behind = done.thenRunAsync(() -> { }, loop);
        release.countDown();
        await(headRuns, "the overflow's head, which holds the loop with one task behind it");
        for (int i = 1; i < RING; i++) {
            loop.execute(() -> { }); // pending: the task behind the head and these, RING at the last
        }
        RejectedExecutionException refused = assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }));
        assertTrue(refused.getMessage().contains(RING + " tasks pending"), refused.getMessage());
        releaseHead.countDown();
        get(head, "the overflow's head");
        get(behind, "the task behind it");
    }

    @ParameterizedTest(name = "[{0}] with the ring full, continuations and an offload outcome still run")
    @MethodSource("ringLoopsRepeated")
    void whatTheLoopOwesIsNeverRefused(String impl, String sizeOption) throws Exception {
        EventLoop loop = ringLoop(impl, sizeOption, RING);
        CompletableFuture<Integer> done = loop.submit(() -> 1);
        get(done, "a task before the ring fills");
        CountDownLatch callMayReturn = new CountDownLatch(1);
        CompletableFuture<String> offloaded = loop.offload(pool, () -> {
            callMayReturn.await(WAIT_SECONDS, TimeUnit.SECONDS);
            return "outcome";
        });
        CountDownLatch release = occupy(loop);
        for (int i = 0; i < RING; i++) {
            loop.execute(() -> { });
        }
        assertThrows(RejectedExecutionException.class, () -> loop.execute(() -> { }), "the ring is full");
        List<CompletableFuture<Integer>> continuations = new ArrayList<>();
        for (int i = 0; i < 3 * RING; i++) {
            int n = i;
            continuations.add(done.thenApplyAsync(value -> value + n, loop));
        }
        callMayReturn.countDown();
        get(pool.submit(() -> { }), "the pool"); // the one pool thread has handed the outcome to the full loop
        release.countDown();
        assertEquals("outcome", get(offloaded, "the offload whose outcome came to a full ring"));
        for (int i = 0; i < continuations.size(); i++) {
            assertEquals(1 + i, get(continuations.get(i), "continuation " + i));
        }
    }

    @ParameterizedTest(name = "[{0}] one producer's continuations run in order through the ring and the overflow")
    @MethodSource("ringLoopsRepeated")
    void overflowKeepsEachProducersOrder(String impl, String sizeOption) throws Exception {
        EventLoop loop = ringLoop(impl, sizeOption, 2);
        CompletableFuture<Integer> done = loop.submit(() -> 0);
        get(done, "a task before the ring fills");
        int count = 2_000;
        List<Integer> seen = new ArrayList<>(); // loop-confined
        CompletableFuture<Void> last = null;
        for (int i = 0; i < count; i++) {
            int n = i;
            // the loop runs while they arrive, so they go to the ring or the overflow as the ring fills and drains
            last = done.thenRunAsync(() -> seen.add(n), loop);
        }
        get(last, "the last continuation");
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            expected.add(i);
        }
        assertEquals(expected, get(loop.submit(() -> List.copyOf(seen)), "what ran"));
    }

    /**
     * The interleaving {@link #overflowKeepsEachProducersOrder} hits only by chance, forced with latches: a task taken
     * from the overflow leaves it empty and, while it runs, its producer sees the overflow empty, fills the ring (its
     * slots already released) and overflows the task after. The loop must run the ring's tasks before that one.
     */
    @ParameterizedTest(name = "[{0}] an overflow that refills while its last task runs waits for the ring it filled")
    @MethodSource("ringLoops")
    void anOverflowRefilledWhileItsTaskRunsWaitsForTheRing(String impl, String sizeOption) throws Exception {
        EventLoop loop = ringLoop(impl, sizeOption, 2);
        CompletableFuture<Integer> done = loop.submit(() -> 0);
        get(done, "a task before the ring fills");
        List<Integer> seen = new ArrayList<>(); // loop-confined
        List<CompletableFuture<Void>> tasks = new ArrayList<>();
        CountDownLatch zeroRuns = new CountDownLatch(1);
        CountDownLatch releaseZero = new CountDownLatch(1);
        CountDownLatch threeRuns = new CountDownLatch(1);
        CountDownLatch releaseThree = new CountDownLatch(1);
        tasks.add(done.thenRunAsync(() -> block(seen, 0, zeroRuns, releaseZero), loop));
        await(zeroRuns, "task 0, which holds the loop with its slot released");
        tasks.add(done.thenRunAsync(() -> seen.add(1), loop)); // 1 and 2 fill the ring
        tasks.add(done.thenRunAsync(() -> seen.add(2), loop));
        tasks.add(done.thenRunAsync(() -> block(seen, 3, threeRuns, releaseThree), loop)); // 3 overflows
        releaseZero.countDown();
        await(threeRuns, "task 3, taken from the overflow, which it left empty");
        for (int n = 4; n <= 6; n++) { // the overflow is empty: 4 and 5 go to the ring and fill it, 6 overflows
            int task = n;
            tasks.add(done.thenRunAsync(() -> seen.add(task), loop));
        }
        releaseThree.countDown();
        for (int n = 0; n < tasks.size(); n++) {
            get(tasks.get(n), "task " + n);
        }
        // a continuation, not a submit: it is never refused, whatever the ring still holds
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), get(done.thenApplyAsync(value -> List.copyOf(seen), loop),
                "what ran"));
    }

    /** On the loop thread: records {@code n}, says it started, and holds the loop until released. */
    private static void block(List<Integer> seen, int n, CountDownLatch started, CountDownLatch release) {
        seen.add(n);
        started.countDown();
        try {
            release.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException stoppedByShutdownNow) {
            Thread.currentThread().interrupt();
        }
    }
}
