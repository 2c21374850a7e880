package dev.loopbench.bench.latency;

import dev.loopbench.bench.profiler.HdrHistogramProfiler;
import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.profiler.IterationProbe;
import dev.loopbench.bench.support.LoopBenchmark;
import dev.loopbench.bench.support.ResultWait;
import dev.loopbench.tools.results.MetricNames;
import org.HdrHistogram.SingleWriterRecorder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/**
 * Round-trip latency: a producer thread calls {@code submit(task)} and waits for the result, as a caller that
 * needs an answer from the loop does.
 *
 * <p>Why: this is the latency a request-response caller feels: its task crosses to the loop thread, the result
 * crosses back, and each crossing may have to wake a parked thread (the loop on the way in, the waiting producer
 * on the way out).
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>Means hide stalls: besides the average, sample mode gives JMH's own percentiles. Both are closed-loop (the
 *       producer waits for each result, so it stops measuring while the loop stalls); the open-loop figure is
 *       {@link OneWayLatency}.</li>
 *   <li>Dead code: the result goes back to JMH, and the task reads its input from this state.</li>
 *   <li>A hung loop fails this benchmark after {@value BoundedWaits#TIMEOUT_SECONDS} s instead of hanging the
 *       run.</li>
 * </ul>
 * With the HdrHistogramProfiler, {@code wakeups.per.op} tells how many of these round trips woke the loop. The
 * limit to read it against: {@code SpinPingPongLimit.roundTrip} with {@code -p producerWait=spin}. With the default
 * parking producer there is none: the loop is woken only when it had gone to sleep (0.7 times per round trip in a
 * quick run), so the two-wakeup {@code ParkUnparkPingPongLimit} is no floor (loops beat it by up to 20%).
 *
 * <p>Bimodal by nature with the default {@code producerWait=park}: the waiting producer's own wakeup outlasts a
 * spinning loop's spin phase, so whether the next round trip finds the loop awake depends on a race (see
 * {@link ResultWait}), and a mean of the two modes describes neither. So, with the {@code HdrHistogramProfiler},
 * each round trip is also timed and filed by whether the loop's wakeup count moved during it:
 * {@code hdr.awakeLoop.*} and {@code hdr.wokenLoop.*} are the two modes' percentiles, their {@code count}s their
 * sizes, {@code wokenLoop.share} the share of each iteration's round trips that woke the loop (a loop slowed or
 * sped up may move between modes without moving either mode's percentiles), and {@code hdr.*} all round trips (for
 * a loop that cannot count wakeups, only {@code hdr.*}). The two clock
 * reads and the counter reads add some tens of nanoseconds to a round trip of several microseconds.
 * {@code -p producerWait=spin} measures the loop without the producer's wakeup, in one mode, and files nothing.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RoundTripLatency -p impl=mpsc,netty
 * -p loopOptions=idle=spin-park}; expect a few to tens of microseconds for parking loops, near the spin limit only when both
 * sides spin ({@code -p impl=mpsc -p loopOptions=idle=spin}).
 */
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RoundTripLatency extends LoopBenchmark {

    /** {@code park}: as {@code submit().join()}; {@code spin}: the producer spins briefly for its result. */
    @Param("park")
    public String producerWait;

    private ResultWait resultWait;
    private Integer payload;
    private Callable<Integer> echo;
    /** Whether to time and file each round trip: a parking producer with a loop that counts its wakeups. */
    private boolean fileModes;
    private boolean recordAll;
    /** Written by the producer (JMH's thread) only. */
    private final SingleWriterRecorder roundTrips = new SingleWriterRecorder(3);
    private final SingleWriterRecorder awakeLoop = new SingleWriterRecorder(3);
    private final SingleWriterRecorder wokenLoop = new SingleWriterRecorder(3);
    /**
     * Round trips filed since the profiler last asked: written by the producer, read and reset by JMH's thread between
     * iterations (JMH's end of an iteration orders the two).
     */
    private long filedRoundTrips;
    private long wokenRoundTrips;

    @Setup(Level.Trial)
    public void start() {
        resultWait = ResultWait.forAlias(producerWait);
        openLoop();
        payload = 42;
        echo = () -> payload;
        recordAll = resultWait == ResultWait.PARK;
        fileModes = recordAll && loop.counters().countsWakeups();
        IterationProbe.watch(recordAll ? roundTrips : null,
                fileModes ? Map.of("awakeLoop", awakeLoop, "wokenLoop", wokenLoop) : Map.of(),
                fileModes ? Map.of(MetricNames.WOKEN_LOOP_SHARE, new IterationProbe.PerIteration("share", this::takeWokenShare))
                        : Map.of(), loop);
    }

    /** The share of the round trips filed since the last call that woke the loop; NaN if none was filed. */
    private double takeWokenShare() {
        double share = filedRoundTrips == 0 ? Double.NaN : (double) wokenRoundTrips / filedRoundTrips;
        filedRoundTrips = 0;
        wokenRoundTrips = 0;
        return share;
    }

    @TearDown(Level.Trial)
    public void stop() {
        IterationProbe.trialEnded();
        closeLoop();
    }

    @Benchmark
    public Integer roundTrip() {
        if (!recordAll) {
            return resultWait.await(loop.submit(echo));
        }
        long wakeupsBefore = fileModes ? loop.counters().wakeupsIssued() : 0;
        long start = System.nanoTime();
        Integer echoed = resultWait.await(loop.submit(echo));
        long took = System.nanoTime() - start;
        roundTrips.recordValue(took);
        if (fileModes) {
            boolean woken = loop.counters().wakeupsIssued() != wakeupsBefore;
            (woken ? wokenLoop : awakeLoop).recordValue(took);
            filedRoundTrips++;
            wokenRoundTrips += woken ? 1 : 0;
        }
        return echoed;
    }
}
