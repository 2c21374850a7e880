package dev.loopbench.bench.profiler;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuSampleTest {

    private static final long BURN_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    @Test
    void perOperationAndShareComeFromTheDifferenceOfTwoSamples() {
        CpuSample start = new CpuSample(1_000, 10_000, 0);
        CpuSample end = new CpuSample(5_000, 30_000, 8_000);

        assertEquals(400.0, end.loopNanosPerOp(start, 10));
        assertEquals(2_000.0, end.producerNanosPerOp(start, 10));
        assertEquals(0.5, end.loopShare(start));
    }

    @Test
    void anUnknownLoopThreadIsNotMeasuredRatherThanZero() {
        CpuSample start = new CpuSample(CpuSample.NOT_MEASURED, 0, 0);
        CpuSample end = new CpuSample(CpuSample.NOT_MEASURED, 100, 100);

        assertTrue(Double.isNaN(end.loopNanosPerOp(start, 10)));
        assertTrue(Double.isNaN(end.loopShare(start)));
        assertEquals(CpuSample.NOT_MEASURED, CpuSample.take(OptionalLong.empty()).loopNanos());
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
            burnt.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread worker = new Thread(burn, "CpuSampleTest" + CpuSample.JMH_WORKER_MARK + "1");
        Thread loop = new Thread(burn, "CpuSampleTest-loop");
        worker.start();
        loop.start();
        try {
            assertTrue(burnt.await(20, TimeUnit.SECONDS), "the burning threads did not finish");
            CpuSample sample = CpuSample.take(OptionalLong.of(loop.getId()));

            assertTrue(sample.loopNanos() >= BURN_NANOS, "loop CPU " + sample.loopNanos());
            assertTrue(sample.producerNanos() >= BURN_NANOS, "worker CPU " + sample.producerNanos());
            // summing every thread would add the loop's burn and this test JVM's own start-up work
            assertTrue(sample.producerNanos() < 2 * BURN_NANOS,
                    "only JMH workers are producers, not every thread: " + sample.producerNanos());
        } finally {
            release.countDown();
            worker.join(10_000);
            loop.join(10_000);
        }
    }
}
