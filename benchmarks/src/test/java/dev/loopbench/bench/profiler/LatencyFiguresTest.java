package dev.loopbench.bench.profiler;

import dev.loopbench.bench.latency.OneWayLatency;
import dev.loopbench.bench.latency.RoundTripLatency;
import dev.loopbench.bench.support.LoopBenchmark;
import dev.loopbench.loop.mpsc.MpscEventLoopProvider;
import dev.loopbench.tools.results.MetricNames;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the latency benchmarks show the profiler, run in-process without JMH: the figures they add. */
class LatencyFiguresTest {

    private static final int SENDS = 20;

    @Test
    void oneWayLatencyRecordsTheSendersLatenessForEverySendAndSendsWhatItOwesAtTheIterationsEnd() {
        OneWayLatency benchmark = onMpsc(new OneWayLatency(), "");
        benchmark.sendsPerSecond = 1000;
        benchmark.start();
        try {
            benchmark.restartSchedule();
            for (int i = 0; i < SENDS; i++) {
                benchmark.fixedRate();
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10)); // at least ten slots come due meanwhile
            benchmark.sendOwedSlots();
            IterationProbe.Reading reading = IterationProbe.read();

            long lateness = reading.more().get(MetricNames.LATENESS).getTotalCount();
            assertTrue(lateness >= SENDS + 10, lateness + " sends, " + SENDS + " on time and at least 10 owed");
            assertEquals(lateness, reading.latencies().getTotalCount(), "the loop started every task sent before the read");
            assertEquals(lateness, reading.more().get("fromExecute").getTotalCount());
        } finally {
            benchmark.stop();
        }
    }

    @Test
    void roundTripLatencyReportsTheShareOfRoundTripsThatWokeTheLoopPerIteration() {
        RoundTripLatency benchmark = onMpsc(new RoundTripLatency(), "idle=park");
        benchmark.producerWait = "park";
        benchmark.start();
        try {
            for (int i = 0; i < SENDS; i++) {
                benchmark.roundTrip();
            }
            IterationProbe.Reading reading = IterationProbe.read();
            long woken = reading.more().get("wokenLoop").getTotalCount();
            long awake = reading.more().get("awakeLoop").getTotalCount();
            assertEquals(SENDS, woken + awake);
            IterationProbe.Scalar share = reading.scalars().get(MetricNames.WOKEN_LOOP_SHARE);
            assertEquals((double) woken / SENDS, share.value(), 1e-12);
            assertEquals("share", share.unit());

            assertTrue(Double.isNaN(IterationProbe.read().scalars().get(MetricNames.WOKEN_LOOP_SHARE).value()),
                    "an iteration without round trips has no share");
        } finally {
            benchmark.stop();
        }
    }

    private static <B extends LoopBenchmark> B onMpsc(B benchmark, String loopOptions) {
        benchmark.impl = MpscEventLoopProvider.NAME;
        benchmark.loopOptions = loopOptions;
        benchmark.maxPendingTasks = "0";
        return benchmark;
    }
}
