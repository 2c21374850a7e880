package dev.loopbench.bench.profiler;

import dev.loopbench.bench.support.LoopThread;
import dev.loopbench.bench.support.ProcThreadStatus;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThreadSampleTest {

    private static final long BURN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int ALLOCATIONS = 1_000;
    private static final int ALLOCATION_BYTES = 1_024;
    private static final long NOT_MEASURED = ThreadSample.NOT_MEASURED;

    @Test
    void perOperationAndShareComeFromTheDifferenceOfTwoSamples() {
        ThreadSample start = new ThreadSample(1_000, 0, 100, 3, 10_000, 500, 0);
        ThreadSample end = new ThreadSample(5_000, 1_000, 1_100, 4, 30_000, 2_500, 8_000);

        assertEquals(400.0, end.loopCpuNanosPerOp(start, 10));
        assertEquals(300.0, end.loopBusyCpuNanosPerOp(start, 10), "less the idle CPU the thread timed itself");
        assertEquals(2_000.0, end.producerCpuNanosPerOp(start, 10));
        assertEquals(100.0, end.loopBytesPerOp(start, 10));
        assertEquals(200.0, end.producerBytesPerOp(start, 10));
        assertEquals(0.1, end.loopSwitchesPerOp(start, 10));
        assertEquals(0.5, end.loopShare(start));
    }

    @Test
    void anUnknownLoopThreadIsNotMeasuredRatherThanZero() {
        ThreadSample start = new ThreadSample(NOT_MEASURED, 0, NOT_MEASURED, NOT_MEASURED, 0, 0, 0);
        ThreadSample end = new ThreadSample(NOT_MEASURED, 0, NOT_MEASURED, NOT_MEASURED, 100, 100, 100);

        assertTrue(Double.isNaN(end.loopCpuNanosPerOp(start, 10)));
        assertTrue(Double.isNaN(end.loopBusyCpuNanosPerOp(start, 10)));
        assertTrue(Double.isNaN(end.loopBytesPerOp(start, 10)));
        assertTrue(Double.isNaN(end.loopSwitchesPerOp(start, 10)));
        assertTrue(Double.isNaN(end.loopShare(start)));
        ThreadSample unwatched = ThreadSample.take(null, () -> 0);
        assertEquals(NOT_MEASURED, unwatched.loopCpuNanos());
        assertEquals(NOT_MEASURED, unwatched.loopAllocatedBytes());
        assertEquals(NOT_MEASURED, unwatched.loopVoluntarySwitches());
    }

    @Test
    void readsTheLoopThreadAndSumsOnlyJmhWorkerThreads() throws Exception {
        CountDownLatch burnt = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Runnable burn = () -> {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (threads.getCurrentThreadCpuTime() < BURN_NANOS && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            byte[][] kept = new byte[ALLOCATIONS][];
            for (int i = 0; i < ALLOCATIONS; i++) {
                kept[i] = new byte[ALLOCATION_BYTES];
            }
            burnt.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertEquals(ALLOCATIONS, kept.length);
        };
        Thread worker = new Thread(burn, "ThreadSampleTest" + ThreadSample.JMH_WORKER_MARK + "1");
        Thread loop = new Thread(burn, "ThreadSampleTest-loop");
        worker.start();
        loop.start();
        try {
            assertTrue(burnt.await(20, TimeUnit.SECONDS), "the burning threads did not finish");
            ThreadSample sample = ThreadSample.take(new LoopThread(loop.getId(), ProcThreadStatus.NOT_MEASURED), () -> 0);

            assertTrue(sample.loopCpuNanos() >= BURN_NANOS, "loop CPU " + sample.loopCpuNanos());
            assertTrue(sample.producerCpuNanos() >= BURN_NANOS, "worker CPU " + sample.producerCpuNanos());
            // summing every thread would add the loop's burn and this test JVM's own start-up work
            assertTrue(sample.producerCpuNanos() < 2 * BURN_NANOS,
                    "only JMH workers are producers, not every thread: " + sample.producerCpuNanos());
            long allocated = (long) ALLOCATIONS * ALLOCATION_BYTES;
            assertTrue(sample.loopAllocatedBytes() >= allocated, "loop bytes " + sample.loopAllocatedBytes());
            assertTrue(sample.producerAllocatedBytes() >= allocated
                    && sample.producerAllocatedBytes() < 2 * allocated + 1_000_000,
                    "only JMH workers' bytes: " + sample.producerAllocatedBytes());
            assertEquals(NOT_MEASURED, sample.loopVoluntarySwitches(), "no native id, no /proc count");
        } finally {
            release.countDown();
            worker.join(10_000);
            loop.join(10_000);
        }
    }
}
