package dev.loopbench.bench.profiler;

import dev.loopbench.bench.support.TaskWork;
import org.HdrHistogram.SingleWriterRecorder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IterationProbeTest {

    private final AtomicReference<Thread> consumerThread = new AtomicReference<>();
    private final ExecutorService consumer = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "IterationProbeTest-consumer");
        consumerThread.set(thread);
        return thread;
    });
    /** Tasks handed to the consumer, each run on its one thread. */
    private final AtomicInteger handedOver = new AtomicInteger();

    @AfterEach
    void stopConsumer() throws InterruptedException {
        IterationProbe.trialEnded();
        IterationProbe.read();
        consumer.shutdownNow();
        assertTrue(consumer.awaitTermination(10, TimeUnit.SECONDS), "the consumer did not stop");
    }

    private void runOnConsumer(Runnable task) {
        handedOver.incrementAndGet();
        consumer.execute(task);
    }

    @Test
    void eachReadHoldsOnlyTheSamplesSinceThePreviousOne() {
        SingleWriterRecorder recorder = new SingleWriterRecorder(3);
        IterationProbe.watch(recorder, null);
        recorder.recordValue(10);
        assertEquals(1, IterationProbe.read().latencies().getTotalCount());
        recorder.recordValue(20);
        recorder.recordValue(30);
        assertEquals(2, IterationProbe.read().latencies().getTotalCount());
    }

    @Test
    void theReadAfterTheTrialEndedIsServedAndThenTheSourceIsForgotten() {
        SingleWriterRecorder recorder = new SingleWriterRecorder(3);
        IterationProbe.watch(recorder, null);
        recorder.recordValue(10);
        IterationProbe.trialEnded();
        assertEquals(1, IterationProbe.read().latencies().getTotalCount());
        assertNull(IterationProbe.read());
    }

    @Test
    void theWatchedThreadIsIdentifiedOnItselfOnce() {
        IterationProbe.watchConsumer(this::runOnConsumer, TaskWork.of(16), () -> 0);

        assertEquals(1, handedOver.get());
        assertEquals(consumerThread.get().getId(), IterationProbe.loopThread().javaId());
    }

    @Test
    void theWorkIsCalibratedOnTheWatchedThreadAfterEveryReadAndOnceAtTheTrialsEnd() {
        IterationProbe.watchConsumer(this::runOnConsumer, TaskWork.of(16), () -> 0);

        IterationProbe.Reading first = IterationProbe.read();
        assertEquals(2, handedOver.get(), "identified, then calibrated after the read's sample");
        assertNotNull(first.threads());
        assertTrue(first.taskWorkNanosPerOp().getAsDouble() > 0, first.toString());
        IterationProbe.read();
        assertEquals(3, handedOver.get());

        IterationProbe.trialEnded();
        assertEquals(4, handedOver.get(), "the trial's end calibrates while the consumer still runs");
        assertTrue(IterationProbe.read().taskWorkNanosPerOp().isPresent());
        assertEquals(4, handedOver.get(), "the read after the trial is served what the trial's end measured");
    }

    @Test
    void operationsWithoutWorkCalibrateToZeroAndLatencyBenchmarksNotAtAll() {
        IterationProbe.watchConsumer(this::runOnConsumer, TaskWork.NONE, () -> 0);
        assertEquals(0.0, IterationProbe.read().taskWorkNanosPerOp().getAsDouble());

        IterationProbe.watch(new SingleWriterRecorder(3), null);
        assertTrue(IterationProbe.read().taskWorkNanosPerOp().isEmpty());
    }
}
