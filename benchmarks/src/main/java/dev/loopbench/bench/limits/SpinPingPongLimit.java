package dev.loopbench.bench.limits;

import dev.loopbench.bench.support.BoundedWaits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * The cache-line limit: a round trip between two threads that spin on one volatile field, each writing the next
 * value of a counter that the other waits for. No queue, no allocation, no parking: the time is two cache-line
 * transfers between cores, the floor under any cross-thread hand-off on this machine.
 *
 * <p>Why: every loop's latency figure ({@code latency} package) is read as a multiple of this round trip, which
 * says how much of it the loop's design costs and how much the hardware does.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>A helper spinning outside its benchmark: the partner thread runs only during an iteration (started and
 *       stopped in {@code Level.Iteration} helpers), so JMH's own work between iterations has the CPUs.</li>
 *   <li>A hung partner: the measured spin checks a deadline every {@value SpinPartnerLimit#SPINS_PER_DEADLINE_CHECK} polls and
 *       fails after {@value BoundedWaits#TIMEOUT_SECONDS} s; the tear-down fails if the partner does not stop.</li>
 *   <li>Dead code: the counter returns to JMH.</li>
 * </ul>
 * On a 2-vCPU virtual machine the two threads fill both vCPUs: expect a p50 well under a microsecond with rare
 * millisecond stalls when a vCPU is descheduled, so read the mean with care.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SpinPingPongLimit}; expect tens of nanoseconds when the
 * two vCPUs share a physical core (about 60 ns on the machine this was written on), hundreds across sockets.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SpinPingPongLimit extends SpinPartnerLimit {

    public SpinPingPongLimit() {
        super("spin-pong", "the partner answers a ping");
    }

    @Benchmark
    public long roundTrip() {
        return pingPong();
    }

    /** A ping asks for nothing but its answer. */
    @Override
    protected void onTurn() {
    }
}
