package dev.loopbench.bench.limits;

import dev.loopbench.bench.support.BenchmarkDefaults;
import dev.loopbench.bench.support.BoundedWaits;
import dev.loopbench.bench.support.HelperThreads;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The wakeup limit: a round trip between two threads that park when it is not their turn and unpark each other
 * with {@link LockSupport}. Each round trip is two unparks and two wakeups from park, on Linux two futex wakes
 * and two futex waits: the floor under a hand-off to a sleeping thread.
 *
 * <p>Why: the kernel's price of two wakeups, the reference for what a wakeup costs on this machine. No loop figure
 * is read against it: a loop's round trip wakes the loop only sometimes, so this is no floor for one (loops beat
 * it by up to 20%); {@code UnparkAfterGapLimit} is the floor of a wakeup after a gap.
 *
 * <p>Traps avoided:
 * <ul>
 *   <li>Spinning would turn this into the cache-line limit: neither side spins; a thread that finds it is not its
 *       turn parks at once.</li>
 *   <li>A lost wakeup hangs nothing: the measured thread parks with a timeout and fails after
 *       {@value BoundedWaits#TIMEOUT_SECONDS} s; the partner thread lives only during an iteration and the
 *       tear-down fails if it does not stop.</li>
 *   <li>Dead code: the counter returns to JMH.</li>
 * </ul>
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ParkUnparkPingPongLimit}; expect tens of microseconds
 * on this virtual machine, where each wakeup may also wake a halted vCPU.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParkUnparkPingPongLimit extends BenchmarkDefaults {

    /** The longest single park of the measured thread; it re-checks its turn and the deadline after each. */
    static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    /** Odd: the partner's turn; even: the measured thread's. */
    private volatile long turn;
    private volatile boolean partnerRunning;
    private volatile Thread pinger;
    private Thread partner;

    @Setup(Level.Iteration)
    public void startPartner() {
        pinger = Thread.currentThread();
        partnerRunning = true;
        partner = HelperThreads.start("park-pong", this::pong);
    }

    @TearDown(Level.Iteration)
    public void stopPartner() {
        partnerRunning = false;
        LockSupport.unpark(partner);
        BoundedWaits.join(partner);
    }

    @Benchmark
    public long roundTrip() {
        long ping = turn + 1;
        turn = ping;
        LockSupport.unpark(partner);
        long pong = ping + 1;
        long deadline = BoundedWaits.deadline();
        while (turn != pong) {
            LockSupport.parkNanos(this, PARK_NANOS);
            BoundedWaits.checkDeadline(deadline, "the partner answers a ping");
        }
        return pong;
    }

    /** The partner: answers each odd value with the next even one and wakes the measured thread. */
    private void pong() {
        while (partnerRunning) {
            long seen = turn;
            if ((seen & 1) == 1) {
                turn = seen + 1;
                LockSupport.unpark(pinger);
            } else {
                LockSupport.park(this);
            }
        }
    }
}
