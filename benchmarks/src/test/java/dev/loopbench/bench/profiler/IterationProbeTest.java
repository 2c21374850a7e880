package dev.loopbench.bench.profiler;

import org.HdrHistogram.SingleWriterRecorder;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class IterationProbeTest {

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
}
